import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Form, Genre } from '@shared/contracts/catalog'
import { isApiError } from '../../api/api-error'
import { useFormat } from '../../i18n/format'
import {
  changeForm,
  defaultDraft,
  serverIssueFor,
  validateBrief,
  type BriefDraft,
  type BriefField,
  type FieldIssue,
} from './brief-draft'
import type { BriefSectionProps } from './brief-form-types'

/**
 * The brief being written: its draft, which problems to show (a field's once visited, all
 * after a submit attempt) and the server's own field errors from the last submit.
 */
export function useBriefForm(serverError: unknown) {
  const { t } = useTranslation()
  const format = useFormat()
  // Works are written in Polish unless the writer picks English, whatever the interface uses.
  const [draft, setDraft] = useState<BriefDraft>(() => defaultDraft())
  const [touched, setTouched] = useState<ReadonlySet<BriefField>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const { issues, brief } = useMemo(() => validateBrief(draft), [draft])

  const change: BriefSectionProps['change'] = (field, value) =>
    setDraft((current) =>
      field === 'form' ? changeForm(current, value as Form) : { ...current, [field]: value },
    )

  const touch = (field: BriefField) =>
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)))

  const word = (issue: FieldIssue) => {
    const values: Record<string, string> = {}
    for (const [name, n] of Object.entries(issue.values ?? {})) values[name] = format.integer(n)
    return t(issue.key, values)
  }

  const errorOf = (field: BriefField): string | undefined => {
    const issue = issues[field]
    if (issue && (submitted || touched.has(field))) return word(issue)
    const refused = isApiError(serverError) && serverError.messageFor(field) !== undefined
    return refused ? word(serverIssueFor(field, draft)) : undefined
  }

  /** Project defaults fill the form and genre of a fresh brief. */
  const applyDefaults = (defaults: { form?: Form | null; genre?: Genre | null }) =>
    setDraft((current) => {
      const withForm = defaults.form ? changeForm(current, defaults.form) : current
      return defaults.genre ? { ...withForm, genre: defaults.genre } : withForm
    })

  return {
    draft,
    brief,
    section: { draft, change, touch, errorOf } satisfies BriefSectionProps,
    applyDefaults,
    markSubmitted: () => setSubmitted(true),
  }
}
