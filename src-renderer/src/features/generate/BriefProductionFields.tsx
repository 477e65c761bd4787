import { useTranslation } from 'react-i18next'
import { TextField } from '../../ui/Field'
import { BUDGET_MAX } from './brief-draft'
import type { BriefSectionProps } from './brief-form-types'

/** The job's spending cap; empty keeps the default from settings. */
export function BriefProductionFields({ draft, change, touch, errorOf }: BriefSectionProps) {
  const { t } = useTranslation()
  return (
    <TextField
      label={t('generate.fields.budget')}
      type="number"
      inputMode="decimal"
      min={0.01}
      max={BUDGET_MAX}
      step="any"
      placeholder={t('generate.budgetPlaceholder')}
      value={draft.budget_usd}
      onChange={(e) => {
        change('budget_usd', e.target.value)
        touch('budget_usd')
      }}
      error={errorOf('budget_usd')}
      hint={t('generate.budgetHint')}
      name="budget_usd"
      data-testid="brief-budget"
    />
  )
}
