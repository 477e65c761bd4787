import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/contracts/catalog'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { povOptions, tenseOptions } from '../../i18n/catalog-options'
import { CHARACTERS_RANGE, type BriefDraft } from './brief-draft'
import type { BriefSectionProps } from './brief-form-types'

/** How it is told and where: voice, language, setting, style and cast size. */
export function BriefVoiceFields({ draft, change, touch, errorOf }: BriefSectionProps) {
  const { t } = useTranslation()
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">{t('generate.sections.voice')}</legend>
      <TextField
        label={t('generate.fields.tone')}
        placeholder={t('generate.tonePlaceholder')}
        value={draft.tone}
        onChange={(e) => change('tone', e.target.value)}
        onBlur={() => touch('tone')}
        error={errorOf('tone')}
        maxLength={200}
        name="tone"
      />
      <div className="form-row form-row--3">
        <SelectField
          label={t('generate.fields.pov')}
          value={draft.pov}
          onChange={(e) => change('pov', e.target.value as BriefDraft['pov'])}
          options={povOptions(t)}
          name="pov"
        />
        <SelectField
          label={t('generate.fields.tense')}
          value={draft.tense}
          onChange={(e) => change('tense', e.target.value as BriefDraft['tense'])}
          options={tenseOptions(t)}
          name="tense"
        />
        <SelectField
          label={t('generate.fields.language')}
          value={draft.language}
          onChange={(e) => change('language', e.target.value as Language)}
          options={[
            { value: 'pl', label: t('languages.pl') },
            { value: 'en', label: t('languages.en') },
          ]}
          name="language"
          data-testid="brief-language"
        />
      </div>
      <TextAreaField
        label={t('generate.fields.setting')}
        placeholder={t('generate.settingPlaceholder')}
        value={draft.setting}
        onChange={(e) => change('setting', e.target.value)}
        onBlur={() => touch('setting')}
        error={errorOf('setting')}
        rows={3}
        maxLength={2000}
        name="setting"
      />
      <TextAreaField
        label={t('generate.fields.style')}
        placeholder={t('generate.stylePlaceholder')}
        value={draft.style_instructions}
        onChange={(e) => change('style_instructions', e.target.value)}
        onBlur={() => touch('style_instructions')}
        error={errorOf('style_instructions')}
        rows={3}
        maxLength={2000}
        name="style_instructions"
      />
      <TextField
        className="field--narrow"
        label={t('generate.fields.characters')}
        type="number"
        inputMode="numeric"
        min={CHARACTERS_RANGE.min}
        max={CHARACTERS_RANGE.max}
        value={draft.main_characters}
        onChange={(e) => {
          change('main_characters', e.target.value)
          touch('main_characters')
        }}
        error={errorOf('main_characters')}
        hint={t('generate.charactersHint', CHARACTERS_RANGE)}
        name="main_characters"
      />
    </fieldset>
  )
}
