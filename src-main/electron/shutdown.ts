import type { Logger } from '../core/logging/logger'
import { DRAIN_TIMEOUT_MS, EXIT_GRACE_MS } from '../core/workers/worker-pool'

export interface ShutdownOptions {
  /** Settles when start-up is over, whether it built the core or not. */
  startup(): Promise<unknown>
  /** The core, once start-up is over, if it was built. */
  core(): { close(): Promise<void> } | undefined
  /** Stops new work reaching the core: the IPC handler goes and the windows hide. */
  detach(): void
  log: Logger
  timeoutMs?: number
  /** Resolves after `ms`; tests resolve it by hand. */
  wait?: (ms: number) => Promise<void>
}

export type ShutdownOutcome = 'closed' | 'nothing-to-close' | 'failed' | 'timed-out'

/**
 * Derived from the pool's own limits: closing lets a busy worker drain (finish its call and
 * checkpoint), gives it time to exit, then queues its job again, finishes a backup in progress
 * and closes the database. Cutting that short would leave the database open and the job
 * running, and the quit would count as a failed attempt.
 */
export const CLOSE_TIMEOUT_MS = DRAIN_TIMEOUT_MS + EXIT_GRACE_MS + 15_000

/**
 * Closes the core once, however often quitting is asked for. A start-up still running (a
 * migration, the copy taken before it) is waited for rather than cut off; then the windows stop
 * talking to the core, and the core gets `timeoutMs` to close before the app gives up on it.
 */
export function createShutdown(options: ShutdownOptions): () => Promise<ShutdownOutcome> {
  const wait = options.wait ?? unrefWait
  const timeoutMs = options.timeoutMs ?? CLOSE_TIMEOUT_MS
  const { log } = options
  let outcome: Promise<ShutdownOutcome> | undefined

  const run = async (): Promise<ShutdownOutcome> => {
    options.detach()
    await options.startup().catch(() => undefined)
    const core = options.core()
    if (!core) return 'nothing-to-close'

    const closing = core.close().then(
      () => 'closed' as const,
      (error: unknown) => {
        log.error({ err: error }, 'core did not close cleanly')
        return 'failed' as const
      },
    )
    const timedOut = wait(timeoutMs).then(() => 'timed-out' as const)
    const result = await Promise.race([closing, timedOut])
    if (result === 'timed-out') log.error({ timeoutMs }, 'core did not close in time; exiting')
    return result
  }

  return () => (outcome ??= run())
}

function unrefWait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
