import { useEffect } from 'react'
import { usePreferences } from '../../stores/preferences'

const DARK_QUERY = '(prefers-color-scheme: dark)'

/** Puts the chosen theme on `<html data-theme>`, following the system when asked to. */
export function useAppliedTheme(): void {
  const theme = usePreferences((state) => state.theme)

  useEffect(() => {
    const media = window.matchMedia(DARK_QUERY)
    const apply = () => {
      const resolved = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme
      document.documentElement.dataset.theme = resolved
      document.documentElement.style.colorScheme = resolved
    }
    apply()
    if (theme !== 'system') return
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
