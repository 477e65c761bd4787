import { useTranslation } from 'react-i18next'
import { usePreferences, type ThemeChoice } from '../../stores/preferences'
import { LanguageSelect } from '../shell/LanguageSelect'

const THEMES: ThemeChoice[] = ['light', 'dark', 'system']

/** Theme and interface language; both apply at once and stay on this computer. */
export function AppearanceSection() {
  const { t } = useTranslation()
  const theme = usePreferences((state) => state.theme)
  const setTheme = usePreferences((state) => state.setTheme)
  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title" className="card__title">
        {t('settings.appearance.title')}
      </h2>
      <fieldset className="radio-group" data-testid="theme-choice">
        <legend className="field__label">{t('settings.appearance.theme')}</legend>
        {THEMES.map((value) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="theme"
              value={value}
              checked={theme === value}
              onChange={() => setTheme(value)}
              data-testid={`theme-${value}`}
            />
            {t(`settings.appearance.themes.${value}`)}
          </label>
        ))}
      </fieldset>
      <LanguageSelect className="field--narrow" />
    </section>
  )
}
