import { isAppError } from '../../core/errors/app-error'
import { createAbortError, isAbortError } from './provider-errors'

export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
  /**
   * A provider asking for a longer wait than this is not waited for: the call fails at once,
   * so the fallback provider (if any) can take over.
   */
  maxRetryAfterMs?: number
  sleep?: SleepFunction
  /** A number in [0, 1), for the jitter. */
  random?: () => number
  signal?: AbortSignal
  /** Called before each wait, for logs and for restarting streamed previews. */
  onRetry?: (retry: { attempt: number; delayMs: number; error: unknown }) => void
}

/** How the retry wrapper, the breaker and the fallback read a failure. */
export interface FailureClass {
  /** Worth repeating: 429, 5xx, timeouts, dropped connections, stalled streams. */
  transient: boolean
  /** The provider's breaker is open: not retried here, but the fallback may take over. */
  circuitOpen: boolean
  retryAfterMs?: number
}

const DEFAULTS = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 }

/**
 * Runs `run` until it succeeds, retrying transient failures only, with exponential backoff
 * and full jitter (a random wait between 0 and min(cap, base × 2^(attempt−1))). When the
 * provider names a wait (`Retry-After`), exactly that wait is used. Aborts stop at once.
 *
 * @example
 * await withRetry(() => provider.call(request), { sleep: fakeSleep, random: () => 0.5 })
 */
export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const settings = { ...DEFAULTS, ...options }
  const sleep = options.sleep ?? sleepFor
  const random = options.random ?? Math.random

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw createAbortError(options.signal.reason)
    try {
      return await run(attempt)
    } catch (error) {
      const failure = classifyFailure(error)
      if (!failure.transient || attempt >= settings.maxAttempts) throw error
      if ((failure.retryAfterMs ?? 0) > settings.maxRetryAfterMs) throw error

      const delayMs = failure.retryAfterMs ?? computeBackoff(attempt, settings, random)
      options.onRetry?.({ attempt, delayMs, error })
      await sleep(delayMs, options.signal)
    }
  }
}

/** The full-jitter wait after failed attempt number `attempt` (1-based). */
export function computeBackoff(
  attempt: number,
  options: { baseDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1))
  return Math.floor(random() * ceiling)
}

/** Reads the facts `toProviderError` and the circuit breaker put in `AppError.details`. */
export function classifyFailure(error: unknown): FailureClass {
  if (isAbortError(error) || !isAppError(error) || error.kind !== 'provider') {
    return { transient: false, circuitOpen: false }
  }
  const details = error.details ?? {}
  const circuitOpen = details.code === 'circuit_open'
  const retryAfterMs = typeof details.retryAfterMs === 'number' ? details.retryAfterMs : undefined
  return { transient: details.retryable === true && !circuitOpen, circuitOpen, retryAfterMs }
}

/** The real wait; rejects with an abort error as soon as `signal` aborts. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(createAbortError(signal.reason))
    const onAbort = () => {
      clearTimeout(timer)
      reject(createAbortError(signal?.reason))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
