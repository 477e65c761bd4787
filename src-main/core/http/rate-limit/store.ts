/** The outcome of counting one request against a limit. */
export interface RateLimitDecision {
  allowed: boolean
  limit: number
  remaining: number
  /** Milliseconds until the window has room for one more request. */
  resetMs: number
}

/**
 * Where the counters live. Memory serves one process; a shared store (the database) will let
 * several servers share counters without changing the middleware.
 */
export interface RateLimitStore {
  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<RateLimitDecision>
}

/**
 * Sliding-window log in memory: each key keeps the times of its requests within the window, so
 * the limit holds over any 60-second span, not per calendar minute.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly hits = new Map<string, number[]>()
  private lastSweep = 0

  async hit(
    key: string,
    limit: number,
    windowMs: number,
    nowMs: number,
  ): Promise<RateLimitDecision> {
    this.sweep(windowMs, nowMs)
    const since = nowMs - windowMs
    const times = this.hits.get(key) ?? []
    // Times are appended in order, so the expired ones are all at the front.
    let expired = 0
    while (expired < times.length && times[expired]! <= since) expired++
    if (expired > 0) times.splice(0, expired)

    const allowed = times.length < limit
    if (allowed) times.push(nowMs)
    this.hits.set(key, times)

    // The window frees its next slot when the oldest request in it turns a minute old.
    const oldest = times[0]
    const resetMs = oldest === undefined ? 0 : Math.max(0, oldest + windowMs - nowMs)
    return { allowed, limit, remaining: Math.max(0, limit - times.length), resetMs }
  }

  /** Drops idle keys now and then so one-off clients do not accumulate. */
  private sweep(windowMs: number, nowMs: number): void {
    if (nowMs - this.lastSweep < windowMs) return
    this.lastSweep = nowMs
    for (const [key, times] of this.hits) {
      if ((times.at(-1) ?? 0) <= nowMs - windowMs) this.hits.delete(key)
    }
  }
}
