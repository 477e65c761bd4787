import type { TFunction } from 'i18next'
import {
  FORM_VALUES,
  FORMS,
  GENRE_VALUES,
  POV_VALUES,
  TENSE_VALUES,
} from '@shared/contracts/catalog'
import type { Formatters } from './format'
import type { SelectOption } from '../ui/Field'

/** Select options drawn from the one shared catalogue, translated. */
export function genreOptions(t: TFunction): SelectOption[] {
  return GENRE_VALUES.map((value) => ({ value, label: t(`genres.${value}`) }))
}

/** Each form with its word range, so the choice already says how long the work runs. */
export function formOptions(t: TFunction, format: Formatters): SelectOption[] {
  return FORM_VALUES.map((value) => ({
    value,
    label: t('generate.formOption', {
      form: t(`forms.${value}`),
      min: format.integer(FORMS[value].minWords),
      max: format.integer(FORMS[value].maxWords),
    }),
  }))
}

/** Forms by name only, for filters. */
export function formNameOptions(t: TFunction): SelectOption[] {
  return FORM_VALUES.map((value) => ({ value, label: t(`forms.${value}`) }))
}

export function povOptions(t: TFunction): SelectOption[] {
  return POV_VALUES.map((value) => ({ value, label: t(`pov.${value}`) }))
}

export function tenseOptions(t: TFunction): SelectOption[] {
  return TENSE_VALUES.map((value) => ({ value, label: t(`tense.${value}`) }))
}

/** Prepends "none" for optional choices such as a project's default genre. */
export function withNone(t: TFunction, options: SelectOption[]): SelectOption[] {
  return [{ value: '', label: t('common.none') }, ...options]
}
