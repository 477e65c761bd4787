export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'failed'; error: unknown }
  /** Someone saved a newer version; saving stops until the writer decides. */
  | { kind: 'conflict'; error: unknown }

export interface AutosaverOptions<T> {
  delayMs: number
  /** Saves `value` and resolves with the version it became. */
  save(value: T): Promise<number>
  isConflict(error: unknown): boolean
  onState(state: SaveState): void
}

/**
 * Saves a changing value once it has been still for `delayMs`, one save at a time: edits made
 * while a save runs are saved right after it. Framework-free, so the timing is testable.
 */
export function createAutosaver<T>(options: AutosaverOptions<T>) {
  let latest: T | undefined
  let dirty = false
  let blocked = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: Promise<void> | null = null

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), options.delayMs)
  }

  function flush(): Promise<void> {
    clearTimeout(timer)
    if (inFlight) return inFlight.then(flush)
    if (!dirty || blocked || latest === undefined) return Promise.resolve()

    const value = latest
    dirty = false
    options.onState({ kind: 'saving' })
    inFlight = options.save(value).then(
      (version) => {
        inFlight = null
        if (dirty) {
          options.onState({ kind: 'pending' })
          schedule()
        } else {
          options.onState({ kind: 'saved', version })
        }
      },
      (error: unknown) => {
        inFlight = null
        dirty = true
        blocked = options.isConflict(error)
        options.onState(blocked ? { kind: 'conflict', error } : { kind: 'failed', error })
      },
    )
    return inFlight
  }

  return {
    change(value: T) {
      latest = value
      dirty = true
      if (blocked) return
      options.onState({ kind: 'pending' })
      schedule()
    },
    flush,
    /** After a conflict: save again (the caller has moved to the latest base version). */
    retry() {
      blocked = false
      return flush()
    },
    /** Forgets unsaved changes, for when the text is being replaced from the server. */
    discard() {
      clearTimeout(timer)
      dirty = false
      blocked = true
    },
    get dirty() {
      return dirty || inFlight !== null
    },
    dispose() {
      clearTimeout(timer)
    },
  }
}
