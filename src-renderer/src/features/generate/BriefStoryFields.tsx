import { useTranslation } from 'react-i18next'
import { FORMS, type Form, type Genre } from '@shared/contracts/catalog'
import { useFormat } from '../../i18n/format'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { formOptions, genreOptions } from '../../i18n/catalog-options'
import { PREMISE_MAX } from './brief-draft'
import type { BriefSectionProps } from './brief-form-types'

/** Title, form and length, genre and premise: what the work is. */
export function BriefStoryFields({ draft, change, touch, errorOf }: BriefSectionProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const range = FORMS[draft.form]
  const premiseLength = draft.premise.trim().length

  return (
    <fieldset className="form-section">
      <legend className="form-section__title">{t('generate.sections.story')}</legend>
      <TextField
        label={t('generate.fields.title')}
        value={draft.title}
        onChange={(e) => change('title', e.target.value)}
        onBlur={() => touch('title')}
        error={errorOf('title')}
        maxLength={300}
        name="title"
        data-testid="brief-title"
      />
      <div className="form-row form-row--wide-first">
        <SelectField
          label={t('generate.fields.form')}
          value={draft.form}
          onChange={(e) => change('form', e.target.value as Form)}
          options={formOptions(t, format)}
          name="form"
          data-testid="brief-form"
        />
        <TextField
          label={t('generate.fields.targetWords')}
          type="number"
          inputMode="numeric"
          min={range.minWords}
          max={range.maxWords}
          step={500}
          value={draft.target_words}
          onChange={(e) => {
            change('target_words', e.target.value)
            touch('target_words')
          }}
          error={errorOf('target_words')}
          hint={t('generate.wordsHint', {
            min: format.integer(range.minWords),
            max: format.integer(range.maxWords),
          })}
          name="target_words"
          data-testid="brief-target-words"
        />
      </div>
      <SelectField
        label={t('generate.fields.genre')}
        value={draft.genre}
        onChange={(e) => change('genre', e.target.value as Genre)}
        options={genreOptions(t)}
        name="genre"
        data-testid="brief-genre"
      />
      <TextAreaField
        label={t('generate.fields.premise')}
        value={draft.premise}
        onChange={(e) => change('premise', e.target.value)}
        onBlur={() => touch('premise')}
        error={errorOf('premise')}
        hint={t('generate.premiseHint')}
        aside={
          <span
            className={premiseLength > PREMISE_MAX ? 'counter counter--over' : 'counter'}
            data-testid="premise-counter"
          >
            {t('generate.premiseCounter', {
              count: format.integer(premiseLength),
              max: format.integer(PREMISE_MAX),
            })}
          </span>
        }
        rows={6}
        name="premise"
        data-testid="brief-premise"
      />
    </fieldset>
  )
}
