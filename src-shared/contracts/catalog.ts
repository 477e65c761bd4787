import { z } from 'zod'

/**
 * The one catalogue of forms, genres, languages and stages. The API validates against it, the
 * pipeline plans from it and the UI draws its selects from it; the predecessor kept three
 * lists that disagreed.
 */
export const FORMS = {
  short_story: { minWords: 1_000, maxWords: 10_000, defaultWords: 5_000, segments: [3, 8] },
  novella: { minWords: 10_000, maxWords: 40_000, defaultWords: 20_000, segments: [8, 20] },
  novel: { minWords: 40_000, maxWords: 120_000, defaultWords: 80_000, segments: [20, 60] },
  epic_saga: { minWords: 120_000, maxWords: 500_000, defaultWords: 150_000, segments: [60, 250] },
} as const satisfies Record<
  string,
  { minWords: number; maxWords: number; defaultWords: number; segments: [number, number] }
>
export type Form = keyof typeof FORMS
export const FORM_VALUES = Object.keys(FORMS) as [Form, ...Form[]]
export const FormSchema = z.enum(FORM_VALUES)

export const GENRE_VALUES = [
  'fantasy',
  'scifi',
  'horror',
  'thriller',
  'mystery',
  'drama',
  'romance',
  'hybrid',
  'historical',
  'literary',
  'adventure',
  'crime',
] as const
export type Genre = (typeof GENRE_VALUES)[number]
export const GenreSchema = z.enum(GENRE_VALUES)

export const LANGUAGE_VALUES = ['pl', 'en'] as const
export type Language = (typeof LANGUAGE_VALUES)[number]
export const LanguageSchema = z.enum(LANGUAGE_VALUES)

export const POV_VALUES = [
  'first_person',
  'third_limited',
  'third_omniscient',
  'second_person',
] as const
export const PovSchema = z.enum(POV_VALUES)

export const TENSE_VALUES = ['past', 'present'] as const
export const TenseSchema = z.enum(TENSE_VALUES)

/** Pipeline stages in the order they run; stylization comes before coherence validation. */
export const STAGE_VALUES = [
  'brief',
  'world',
  'characters',
  'structure',
  'segment_plan',
  'prose',
  'stylization',
  'coherence',
  'editorial',
  'output',
] as const
export type Stage = (typeof STAGE_VALUES)[number]
export const StageSchema = z.enum(STAGE_VALUES)

export const TIER_VALUES = ['free', 'pro', 'enterprise'] as const
export type Tier = (typeof TIER_VALUES)[number]

/** Monthly limits per tier; `null` means unlimited. */
export const TIER_LIMITS: Record<Tier, { generations: number | null; costUsd: number | null }> = {
  free: { generations: 5, costUsd: 10 },
  pro: { generations: 50, costUsd: 100 },
  enterprise: { generations: null, costUsd: null },
}

export function wordRangeOf(form: Form): { min: number; max: number } {
  return { min: FORMS[form].minWords, max: FORMS[form].maxWords }
}
