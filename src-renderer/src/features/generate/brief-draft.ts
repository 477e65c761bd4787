import { FORMS, type Form, type Genre, type Language } from '@shared/contracts/catalog'
import type { BriefInput } from '@shared/contracts/jobs'

/** The brief as the form holds it: numbers stay text until they are valid. */
export interface BriefDraft {
  title: string
  form: Form
  genre: Genre
  premise: string
  target_words: string
  tone: string
  pov: NonNullable<BriefInput['pov']>
  tense: NonNullable<BriefInput['tense']>
  language: Language
  setting: string
  style_instructions: string
  main_characters: string
  /** Empty means "use the default budget from settings". */
  budget_usd: string
}

export type BriefField = keyof BriefDraft

/** A problem with one field, as an i18n key and its values, so it follows the language. */
export interface FieldIssue {
  key: string
  values?: Record<string, number>
}

export type BriefIssues = Partial<Record<BriefField, FieldIssue>>

export const PREMISE_MIN = 10
export const PREMISE_MAX = 2000
export const CHARACTERS_RANGE = { min: 1, max: 12 } as const
export const BUDGET_MAX = 10_000
export const TITLE_MAX = 300
export const TONE_MAX = 200
export const LONG_TEXT_MAX = 2000

export function defaultDraft(
  options: { form?: Form; genre?: Genre; language?: Language } = {},
): BriefDraft {
  const form = options.form ?? 'short_story'
  return {
    title: '',
    form,
    genre: options.genre ?? 'literary',
    premise: '',
    target_words: String(FORMS[form].defaultWords),
    tone: '',
    pov: 'third_limited',
    tense: 'past',
    language: options.language ?? 'pl',
    setting: '',
    style_instructions: '',
    main_characters: '3',
    budget_usd: '',
  }
}

/**
 * Changing the form moves the target length to the new form's default when the old target
 * no longer fits, so a valid draft stays valid.
 */
export function changeForm(draft: BriefDraft, form: Form): BriefDraft {
  const words = Number(draft.target_words)
  const range = FORMS[form]
  const fits = Number.isInteger(words) && words >= range.minWords && words <= range.maxWords
  return { ...draft, form, target_words: fits ? draft.target_words : String(range.defaultWords) }
}

/** Checks the draft with the rules of `BriefSchema`; returns the brief only when all pass. */
export function validateBrief(draft: BriefDraft): {
  issues: BriefIssues
  brief: BriefInput | null
} {
  const issues: BriefIssues = {}
  const premise = draft.premise.trim()
  const range = FORMS[draft.form]
  const words = Number(draft.target_words)
  const characters = Number(draft.main_characters)
  const budget = draft.budget_usd.trim() === '' ? undefined : Number(draft.budget_usd)

  if (!draft.title.trim()) issues.title = { key: 'generate.errors.titleRequired' }
  if (premise.length < PREMISE_MIN) {
    issues.premise = { key: 'generate.errors.premiseShort', values: { min: PREMISE_MIN } }
  } else if (premise.length > PREMISE_MAX) {
    issues.premise = { key: 'generate.errors.premiseLong', values: { max: PREMISE_MAX } }
  }
  if (!Number.isInteger(words) || words < range.minWords || words > range.maxWords) {
    issues.target_words = {
      key: 'generate.errors.wordsRange',
      values: { min: range.minWords, max: range.maxWords },
    }
  }
  if (
    !Number.isInteger(characters) ||
    characters < CHARACTERS_RANGE.min ||
    characters > CHARACTERS_RANGE.max
  ) {
    issues.main_characters = { key: 'generate.errors.charactersRange', values: CHARACTERS_RANGE }
  }
  if (budget !== undefined && (!Number.isFinite(budget) || budget <= 0 || budget > BUDGET_MAX)) {
    issues.budget_usd = { key: 'generate.errors.budgetRange', values: { max: BUDGET_MAX } }
  }
  if (Object.keys(issues).length > 0) return { issues, brief: null }

  return {
    issues,
    brief: {
      title: draft.title.trim(),
      form: draft.form,
      genre: draft.genre,
      premise,
      target_words: words,
      tone: draft.tone.trim(),
      pov: draft.pov,
      tense: draft.tense,
      language: draft.language,
      setting: draft.setting.trim(),
      style_instructions: draft.style_instructions.trim(),
      main_characters: characters,
      ...(budget === undefined ? {} : { budget_usd: budget }),
    },
  }
}

/**
 * The rule of a field the server refused, for when its check is stricter than the form's or
 * the form could not check it: the server's message is English, the form's rule is not.
 */
export function serverIssueFor(field: BriefField, draft: BriefDraft): FieldIssue {
  const range = FORMS[draft.form]
  switch (field) {
    case 'title':
      return { key: 'generate.errors.titleInvalid', values: { max: TITLE_MAX } }
    case 'premise':
      return { key: 'generate.errors.premiseRange', values: { min: PREMISE_MIN, max: PREMISE_MAX } }
    case 'target_words':
      return {
        key: 'generate.errors.wordsRange',
        values: { min: range.minWords, max: range.maxWords },
      }
    case 'main_characters':
      return { key: 'generate.errors.charactersRange', values: CHARACTERS_RANGE }
    case 'budget_usd':
      return { key: 'generate.errors.budgetRange', values: { max: BUDGET_MAX } }
    case 'tone':
      return { key: 'generate.errors.textTooLong', values: { max: TONE_MAX } }
    case 'setting':
    case 'style_instructions':
      return { key: 'generate.errors.textTooLong', values: { max: LONG_TEXT_MAX } }
    default:
      return { key: 'generate.errors.choiceInvalid' }
  }
}
