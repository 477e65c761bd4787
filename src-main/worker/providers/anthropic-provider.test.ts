import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { reply, startModelServer, type ModelServer } from '../../testing/model-server'
import { AnthropicProvider } from './anthropic-provider'
import { isAbortError } from './provider-errors'
import type { ModelCallRequest } from './types'

let server: ModelServer
let anthropic: AnthropicProvider

beforeAll(async () => {
  server = await startModelServer()
  anthropic = new AnthropicProvider({ apiKey: 'sk-ant-test', baseURL: server.anthropicBaseUrl })
})
afterEach(() => server.reset())
afterAll(() => server.close())

const CastSchema = z.object({
  characters: z.array(z.object({ name: z.string(), motive: z.string() })).min(1),
  setting: z.enum(['city', 'sea', 'mountains']),
})

const request = (extra: Partial<ModelCallRequest> = {}): ModelCallRequest => ({
  provider: 'anthropic',
  model: 'claude-haiku-4-5',
  system: 'You are a novelist.',
  prompt: 'Introduce the cast.',
  maxTokens: 400,
  temperature: 0.7,
  ...extra,
})

describe('AnthropicProvider', () => {
  it('forces a tool and parses its input with the zod schema', async () => {
    const cast = { characters: [{ name: 'Ola', motive: 'revenge' }], setting: 'sea' }
    server.script(reply.json(cast))

    const result = await anthropic.call(
      request({ structured: { name: 'cast', schema: CastSchema } }),
    )

    expect(result.value).toEqual(cast)
    expect(result.finishReason).toBe('stop')
    const body = server.requests[0]?.body as Record<string, any>
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'cast' })
    expect(body.tools[0]).toMatchObject({ name: 'cast', input_schema: { type: 'object' } })
    expect(body.stream).toBeUndefined()
  })

  it('parses the tool input auto mode synthesises from the schema', async () => {
    const result = await anthropic.call(
      request({ structured: { name: 'cast', schema: CastSchema } }),
    )

    expect(CastSchema.parse(result.value).setting).toBe('city')
  })

  it('streams prose through several onDelta calls with usage from the events', async () => {
    const deltas: string[] = []

    const result = await anthropic.call(request({ maxTokens: 200, onDelta: (t) => deltas.push(t) }))

    expect(deltas.length).toBeGreaterThan(3)
    expect(deltas.join('')).toBe(result.text)
    expect(result).toMatchObject({ tokensOut: 200, finishReason: 'stop', provider: 'anthropic' })
    expect(result.tokensIn).toBe(Math.ceil('You are a novelist.\nIntroduce the cast.'.length / 4))
    expect(server.requests[0]?.body).toMatchObject({ stream: true, max_tokens: 200 })
  })

  it('reports max_tokens as a length finish', async () => {
    server.script(reply.truncated())

    const result = await anthropic.call(request())

    expect(result.finishReason).toBe('length')
  })

  it('stops promptly when aborted during a stalled stream', async () => {
    server.script(reply.stall({ afterChunks: 1 }))
    const controller = new AbortController()
    const started = performance.now()

    const error = await anthropic
      .call(request({ signal: controller.signal, onDelta: () => controller.abort() }))
      .catch((e: unknown) => e)

    expect(isAbortError(error)).toBe(true)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('turns a refused key into a provider error that says what to fix', async () => {
    server.script(reply.error(401))

    const error = await anthropic.call(request()).catch((e: unknown) => e)

    expect(error).toMatchObject({
      kind: 'provider',
      message: 'The API key for Anthropic was refused; check it in Settings',
      details: { provider: 'anthropic', status: 401, retryable: false },
    })
  })

  it('pings with GET /v1/models', async () => {
    await anthropic.ping()

    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models'])
  })
})
