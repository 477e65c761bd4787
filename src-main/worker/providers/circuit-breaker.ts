import { AppError } from '../../core/errors/app-error'
import { isAbortError, PROVIDER_LABELS } from './provider-errors'
import { classifyFailure } from './retry'
import type { ProviderName } from './types'

export type CircuitState = 'closed' | 'open' | 'half_open'

export interface CircuitBreakerOptions {
  /** Consecutive transient failures that open the circuit. */
  failureThreshold?: number
  /** How long an open circuit rejects calls before letting one trial call through. */
  coolDownMs?: number
  now?: () => number
  onStateChange?: (state: CircuitState, provider: ProviderName) => void
}

/** Stops hammering a provider that keeps failing; one per provider. */
export interface CircuitBreaker {
  readonly provider: ProviderName
  readonly state: CircuitState
  run<T>(call: () => Promise<T>): Promise<T>
}

/**
 * closed → open after `failureThreshold` transient failures in a row; open rejects at once
 * with a `provider` error (code `circuit_open`) for `coolDownMs`; then half-open lets one call
 * through while others are still rejected: success closes the circuit, failure re-opens it.
 * A non-transient failure (a refused key, a bad request) still proves the provider answers,
 * so it resets the count; an abort says nothing about the provider and changes nothing.
 */
export function createCircuitBreaker(
  provider: ProviderName,
  options: CircuitBreakerOptions = {},
): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5
  const coolDownMs = options.coolDownMs ?? 30_000
  const now = options.now ?? Date.now
  let state: CircuitState = 'closed'
  let failures = 0
  let openedAt = 0
  let trialRunning = false

  const moveTo = (next: CircuitState) => {
    if (next === state) return
    state = next
    options.onStateChange?.(next, provider)
  }
  const currentState = (): CircuitState =>
    state === 'open' && now() - openedAt >= coolDownMs ? 'half_open' : state

  const reject = () => {
    const retryAfterMs = Math.max(0, coolDownMs - (now() - openedAt))
    const label = PROVIDER_LABELS[provider]
    const seconds = Math.ceil(retryAfterMs / 1000)
    const message = `${label} failed ${threshold} times in a row; calls to it wait ${seconds} s`
    return new AppError('provider', message, {
      details: { provider, status: null, retryable: true, code: 'circuit_open', retryAfterMs },
    })
  }

  return {
    provider,
    get state() {
      return currentState()
    },
    async run(call) {
      const observed = currentState()
      if (observed === 'open' || (observed === 'half_open' && trialRunning)) throw reject()
      const isTrial = observed === 'half_open'
      if (isTrial) {
        moveTo('half_open')
        trialRunning = true
      }

      try {
        const result = await call()
        failures = 0
        moveTo('closed')
        return result
      } catch (error) {
        if (classifyFailure(error).transient) {
          failures += 1
          if (isTrial || failures >= threshold) {
            openedAt = now()
            moveTo('open')
          }
        } else if (!isAbortError(error)) {
          failures = 0
          moveTo('closed')
        }
        throw error
      } finally {
        if (isTrial) trialRunning = false
      }
    },
  }
}
