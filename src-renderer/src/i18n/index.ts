import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { usePreferences } from '../stores/preferences'
import { en } from './en'
import { pl } from './pl'

/**
 * Starts i18next in the saved language and follows later changes of the preference. In
 * Electron the main process is told too, for its menu and notifications.
 */
export function startI18n(): void {
  const { language } = usePreferences.getState()
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, pl: { translation: pl } },
    lng: language,
    fallbackLng: 'en',
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = language
  window.narraforge?.setLanguage(language)

  usePreferences.subscribe((state, previous) => {
    if (state.language === previous.language) return
    void i18next.changeLanguage(state.language)
    document.documentElement.lang = state.language
    window.narraforge?.setLanguage(state.language)
  })
}
