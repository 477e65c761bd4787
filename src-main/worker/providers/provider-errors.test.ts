import { describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors/app-error'
import { createAbortError, isAbortError, parseRetryAfter, toProviderError } from './provider-errors'

describe('parseRetryAfter', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    const now = Date.parse('2026-03-15T12:00:00Z')

    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }), now)).toBe(2_000)
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '150.5' }), now)).toBe(150.5)
    expect(
      parseRetryAfter(new Headers({ 'retry-after': 'Sun, 15 Mar 2026 12:00:07 GMT' }), now),
    ).toBe(7_000)
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined()
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined()
  })
})

describe('abort errors', () => {
  it('recognises our own, the DOM one and not ordinary failures', () => {
    const controller = new AbortController()
    controller.abort()

    expect(isAbortError(createAbortError())).toBe(true)
    expect(isAbortError(controller.signal.reason)).toBe(true)
    expect(isAbortError(new Error('boom'))).toBe(false)
    expect(isAbortError(new AppError('provider', 'down'))).toBe(false)
  })
})

describe('toProviderError', () => {
  it('leaves errors that are not the provider’s fault alone', () => {
    const bug = new RangeError('onDelta broke')

    expect(toProviderError('openai', bug)).toBe(bug)
  })

  it('calls a socket closed under a stream a retryable connection failure', () => {
    const dropped = new TypeError('terminated', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    })

    expect(toProviderError('local', dropped)).toMatchObject({
      kind: 'provider',
      message: 'Could not reach the local model server; the connection failed or was dropped',
      details: { provider: 'local', status: null, retryable: true, code: 'connection' },
    })
  })
})
