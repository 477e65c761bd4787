/** The first pause before a lost worker is started again. */
export const FIRST_RESTART_DELAY_MS = 500
/** The longest pause: a worker that cannot start is retried twice a minute, not in a loop. */
export const MAX_RESTART_DELAY_MS = 30_000
/** A worker that lived this long was healthy: its exit starts a new streak. */
export const STABLE_WORKER_MS = 60_000

/**
 * How long to wait before starting a worker again after its `exitsInARow`-th quick exit:
 * 0.5 s, doubling with every exit that follows soon after a start, up to 30 s. A worker that
 * crashes at start (a broken build, a missing runtime) would otherwise be forked in a tight
 * loop that starves the machine.
 */
export function restartDelayMs(exitsInARow: number): number {
  const doublings = Math.max(0, exitsInARow - 1)
  return Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** Math.min(doublings, 16))
}

/** The streak after an exit: one more if the worker died soon after starting, else a new one. */
export function nextExitStreak(previous: number, livedMs: number): number {
  return livedMs >= STABLE_WORKER_MS ? 1 : previous + 1
}
