import { useEffect } from 'react'

/** Names the window after the screen, so history and the task switcher say where one is. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · NarraForge` : 'NarraForge'
  }, [title])
}
