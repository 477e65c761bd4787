export interface ReloadGuardOptions {
  /** Reloads allowed within `windowMs`; beyond it the window stays down and the log says why. */
  limit?: number
  windowMs?: number
  now?: () => number
}

export interface ReloadGuard {
  /** Whether a window whose process went away for `reason` should be reloaded now. */
  allow(reason: string): boolean
}

/**
 * Decides whether to reload after a crash. A renderer that dies on start would otherwise be
 * reloaded forever, burning CPU and filling the log; three tries a minute is plenty for a
 * one-off crash.
 */
export function createReloadGuard(options: ReloadGuardOptions = {}): ReloadGuard {
  const limit = options.limit ?? 3
  const windowMs = options.windowMs ?? 60_000
  const now = options.now ?? Date.now
  let recent: number[] = []

  return {
    allow(reason) {
      if (reason === 'clean-exit') return false
      const at = now()
      recent = recent.filter((t) => at - t < windowMs)
      if (recent.length >= limit) return false
      recent.push(at)
      return true
    },
  }
}
