import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export type ThemeChoice = 'light' | 'dark' | 'system'
export type UiLanguage = 'en' | 'pl'

interface PreferencesState {
  theme: ThemeChoice
  language: UiLanguage
  setTheme(theme: ThemeChoice): void
  setLanguage(language: UiLanguage): void
}

/** First run follows the system's language; Polish writers get Polish without asking. */
function systemLanguage(): UiLanguage {
  return navigator.language.toLowerCase().startsWith('pl') ? 'pl' : 'en'
}

/** Theme and interface language, kept in localStorage across sessions. */
export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: 'system',
      language: systemLanguage(),
      setTheme: (theme) => set({ theme }),
      setLanguage: (language) => set({ language }),
    }),
    {
      name: 'narraforge.preferences',
      storage: createJSONStorage(() => localStorage),
      partialize: ({ theme, language }) => ({ theme, language }),
    },
  ),
)
