import { useEffect, useRef, useState } from 'react'
import { createAutosaver, type SaveState } from './autosaver'

interface UseAutosaveOptions<T> {
  delayMs: number
  save(value: T): Promise<number>
  isConflict(error: unknown): boolean
}

type Autosaver<T> = ReturnType<typeof createAutosaver<T>>

/**
 * The autosaver bound to a component: it saves what is left when the component unmounts,
 * and asks before the window closes with changes unsaved. The returned controls are for
 * event handlers.
 */
export function useAutosave<T>(options: UseAutosaveOptions<T>) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' })
  const latest = useRef(options)
  const saver = useRef<Autosaver<T> | null>(null)
  const { delayMs } = options

  useEffect(() => {
    latest.current = options
  })

  useEffect(() => {
    const instance = createAutosaver<T>({
      delayMs,
      save: (value) => latest.current.save(value),
      isConflict: (error) => latest.current.isConflict(error),
      onState: setState,
    })
    saver.current = instance
    const warn = (event: BeforeUnloadEvent) => {
      if (instance.dirty) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => {
      window.removeEventListener('beforeunload', warn)
      saver.current = null
      instance.dispose()
      // Leaving the editor is no reason to lose the last sentence; a failure here has
      // nobody left to show it to.
      void instance.flush().catch(() => undefined)
    }
  }, [delayMs])

  const controls = {
    change: (value: T) => saver.current?.change(value),
    flush: () => saver.current?.flush() ?? Promise.resolve(),
    retry: () => saver.current?.retry() ?? Promise.resolve(),
    discard: () => saver.current?.discard(),
    /** Whether edits are still unsaved, e.g. after a flush whose save failed. */
    pending: () => saver.current?.dirty ?? false,
  }
  return { state, saver: controls }
}
