export interface BackoffOptions {
  baseMs: number
  maxMs: number
  /** 0–1: how much of the delay is random, so many windows do not reconnect in step. */
  jitter: number
}

export const EVENT_STREAM_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 30_000, jitter: 0.3 }

/** Exponential delay before reconnect number `attempt` (0-based), capped at `maxMs`. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random = Math.random,
): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt))
  const spread = exponential * options.jitter
  return Math.round(exponential - spread + spread * 2 * random())
}
