import { describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors/app-error'
import { createCircuitBreaker } from './circuit-breaker'

const transient = () =>
  new AppError('provider', 'OpenAI answered 503', {
    details: { provider: 'openai', status: 503, retryable: true },
  })
const refused = () =>
  new AppError('provider', 'key refused', {
    details: { provider: 'openai', status: 401, retryable: false },
  })

function createFakeClock() {
  let now = 0
  return { now: () => now, advance: (ms: number) => void (now += ms) }
}

const fail = (error: Error) => async () => {
  throw error
}
const succeed = async () => 'ok'

describe('circuit breaker', () => {
  it('opens after five transient failures in a row and then rejects without calling', async () => {
    const breaker = createCircuitBreaker('openai', { now: createFakeClock().now })
    for (let i = 0; i < 5; i++) await breaker.run(fail(transient())).catch(() => {})
    let called = false

    const error = await breaker.run(async () => (called = true)).catch((e: unknown) => e)

    expect(breaker.state).toBe('open')
    expect(called).toBe(false)
    expect(error).toMatchObject({
      kind: 'provider',
      details: { provider: 'openai', code: 'circuit_open', retryAfterMs: 30_000 },
    })
  })

  it('half-opens after the cool-down and closes on a successful trial', async () => {
    const clock = createFakeClock()
    const breaker = createCircuitBreaker('openai', {
      failureThreshold: 2,
      coolDownMs: 30_000,
      now: clock.now,
    })
    await breaker.run(fail(transient())).catch(() => {})
    await breaker.run(fail(transient())).catch(() => {})

    clock.advance(29_999)
    expect(breaker.state).toBe('open')
    clock.advance(1)
    expect(breaker.state).toBe('half_open')

    await expect(breaker.run(succeed)).resolves.toBe('ok')
    expect(breaker.state).toBe('closed')
  })

  it('lets only one trial through while half-open and re-opens when it fails', async () => {
    const clock = createFakeClock()
    const breaker = createCircuitBreaker('anthropic', {
      failureThreshold: 1,
      coolDownMs: 1_000,
      now: clock.now,
    })
    await breaker.run(fail(transient())).catch(() => {})
    clock.advance(1_000)

    let releaseTrial: (value: never) => void = () => {}
    const trial = breaker.run(
      () => new Promise<never>((_, reject) => (releaseTrial = () => reject(transient()))),
    )
    const second = await breaker.run(succeed).catch((e: unknown) => e)
    releaseTrial(undefined as never)
    await trial.catch(() => {})

    expect(second).toMatchObject({ details: { code: 'circuit_open' } })
    expect(breaker.state).toBe('open')
  })

  it('does not count failures that say nothing about the provider being down', async () => {
    const breaker = createCircuitBreaker('openai', {
      failureThreshold: 2,
      now: createFakeClock().now,
    })

    await breaker.run(fail(transient())).catch(() => {})
    await breaker.run(fail(refused())).catch(() => {})
    await breaker.run(fail(transient())).catch(() => {})

    expect(breaker.state).toBe('closed')
  })
})
