import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'

const options = { baseMs: 1_000, maxMs: 30_000, jitter: 0 }

describe('backoffDelay', () => {
  it('doubles the wait after each failed attempt', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, options))).toEqual([1_000, 2_000, 4_000, 8_000])
  })

  it('never waits longer than the cap', () => {
    expect(backoffDelay(20, options)).toBe(30_000)
  })

  it('spreads the delay by the jitter', () => {
    const jittered = { ...options, jitter: 0.5 }
    expect(backoffDelay(0, jittered, () => 0)).toBe(500)
    expect(backoffDelay(0, jittered, () => 1)).toBe(1_500)
  })
})
