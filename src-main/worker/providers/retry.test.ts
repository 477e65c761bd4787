import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors/app-error'
import { reply, startModelServer, type ModelServer } from '../../testing/model-server'
import { createProviders, type ProviderRegistry } from './create-providers'
import { computeBackoff, withRetry } from './retry'
import type { ModelCallRequest } from './types'

let server: ModelServer
let registry: ProviderRegistry
const sleeps: number[] = []

beforeAll(async () => {
  server = await startModelServer()
  registry = createProviders(
    { openai: { apiKey: 'sk-test', baseURL: server.openaiBaseUrl } },
    // A huge threshold keeps the breaker out of these tests; it has its own.
    {
      retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
      breaker: { failureThreshold: 1_000 },
    },
  )
})
afterEach(() => {
  server.reset()
  sleeps.length = 0
})
afterAll(() => server.close())

const request = (extra: Partial<ModelCallRequest> = {}): ModelCallRequest => ({
  provider: 'openai',
  model: 'gpt-4o-mini',
  system: 'You are a novelist.',
  prompt: 'Write the first line.',
  maxTokens: 40,
  temperature: 0.7,
  ...extra,
})

describe('retrying model calls', () => {
  it('waits exactly the Retry-After the provider asked for, then succeeds', async () => {
    server.script(reply.error(429, { retryAfter: '2' }))

    const result = await registry.call(request())

    expect(sleeps).toEqual([2_000])
    expect(result.finishReason).toBe('stop')
    expect(server.requests).toHaveLength(2)
  })

  it('prefers retry-after-ms when the provider sends it', async () => {
    server.script(reply.error(429, { retryAfter: '2', retryAfterMs: 350 }))

    await registry.call(request())

    expect(sleeps).toEqual([350])
  })

  it('retries server errors with jittered exponential backoff', async () => {
    server.script(reply.error(500), reply.error(503))

    await registry.call(request())

    expect(sleeps).toEqual([500, 1_000])
  })

  it('retries a connection dropped mid-stream and restarts the preview', async () => {
    server.script(reply.drop({ afterChunks: 2 }))
    let restarts = 0

    const result = await registry.call(request({ onRestart: () => restarts++ }))

    expect(result.text.split(/\s+/)).toHaveLength(20)
    expect(restarts).toBe(1)
    expect(server.requests).toHaveLength(2)
  })

  it('gives up after four attempts and reports the last failure', async () => {
    server.script(...Array.from({ length: 4 }, () => reply.error(502)))

    const error = await registry.call(request()).catch((e: unknown) => e)

    expect(error).toMatchObject({ kind: 'provider', details: { status: 502, retryable: true } })
    expect(sleeps).toEqual([500, 1_000, 2_000])
  })

  it('fails at once on a refused key, with a message about the key', async () => {
    server.script(reply.error(401))

    const error = await registry.call(request()).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(
      /API key for OpenAI was refused; check it in Settings/,
    )
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('does not retry a 429 that means the account is out of credit', async () => {
    server.script(
      reply.error(429, { code: 'insufficient_quota', message: 'You exceeded your quota' }),
    )

    const error = await registry.call(request()).catch((e: unknown) => e)

    expect(error).toMatchObject({ details: { retryable: false, code: 'insufficient_quota' } })
    expect(server.requests).toHaveLength(1)
  })
})

describe('withRetry', () => {
  it('does not wait for a Retry-After beyond its limit', async () => {
    const busy = new AppError('provider', 'busy', {
      details: { retryable: true, retryAfterMs: 120_000 },
    })
    let attempts = 0

    const error = await withRetry(
      async () => {
        attempts++
        throw busy
      },
      { sleep: async () => {} },
    ).catch((e: unknown) => e)

    expect(error).toBe(busy)
    expect(attempts).toBe(1)
  })

  it('caps the backoff at the maximum delay', () => {
    const options = { baseDelayMs: 1_000, maxDelayMs: 30_000 }

    expect(computeBackoff(1, options, () => 0.999)).toBe(999)
    expect(computeBackoff(10, options, () => 0.999)).toBe(29_970)
    expect(computeBackoff(3, options, () => 0)).toBe(0)
  })
})
