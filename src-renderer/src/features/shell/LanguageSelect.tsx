import { useTranslation } from 'react-i18next'
import { usePreferences, type UiLanguage } from '../../stores/preferences'
import { SelectField } from '../../ui/Field'

/** English or Polish, written in their own language so either reader finds theirs. */
export function LanguageSelect({ className }: { className?: string }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const setLanguage = usePreferences((state) => state.setLanguage)
  return (
    <SelectField
      className={className}
      label={t('settings.appearance.language')}
      value={language}
      onChange={(e) => setLanguage(e.target.value as UiLanguage)}
      options={[
        { value: 'en', label: 'English' },
        { value: 'pl', label: 'Polski' },
      ]}
      data-testid="language-select"
    />
  )
}
