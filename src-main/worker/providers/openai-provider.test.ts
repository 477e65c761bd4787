import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { reply, startModelServer, type ModelServer } from '../../testing/model-server'
import { OpenAiProvider } from './openai-provider'
import { isAbortError } from './provider-errors'
import type { ModelCallRequest } from './types'

let server: ModelServer
let openai: OpenAiProvider

beforeAll(async () => {
  server = await startModelServer()
  openai = new OpenAiProvider({ apiKey: 'sk-test', baseURL: server.openaiBaseUrl })
})
afterEach(() => server.reset())
afterAll(() => server.close())

const SceneSchema = z.object({
  title: z.string(),
  beats: z.array(z.object({ summary: z.string(), tension: z.number().min(0).max(10) })).min(2),
  epigraph: z.string().optional(),
})

const request = (extra: Partial<ModelCallRequest> = {}): ModelCallRequest => ({
  provider: 'openai',
  model: 'gpt-4o-mini',
  system: 'You are a novelist.',
  prompt: 'Plan the opening scene.',
  maxTokens: 400,
  temperature: 0.7,
  ...extra,
})

describe('OpenAiProvider', () => {
  it('asks for strict JSON and parses the answer with the zod schema', async () => {
    server.script(
      reply.json({
        title: 'Ash',
        beats: [
          { summary: 'a', tension: 2 },
          { summary: 'b', tension: 9 },
        ],
        epigraph: null,
      }),
    )

    const result = await openai.call(
      request({ structured: { name: 'scene', schema: SceneSchema } }),
    )

    expect(result.value).toEqual({
      title: 'Ash',
      beats: [
        { summary: 'a', tension: 2 },
        { summary: 'b', tension: 9 },
      ],
    })
    const format = server.requests[0]?.body?.response_format as Record<string, any>
    expect(format.type).toBe('json_schema')
    expect(format.json_schema).toMatchObject({ name: 'scene', strict: true })
    expect(format.json_schema.schema.required).toEqual(['title', 'beats', 'epigraph'])
    expect(format.json_schema.schema.additionalProperties).toBe(false)
  })

  it('parses what auto mode synthesises from the schema', async () => {
    const result = await openai.call(
      request({ structured: { name: 'scene', schema: SceneSchema } }),
    )

    expect(SceneSchema.parse(result.value).beats).toHaveLength(3)
    expect(result.tokensIn).toBeGreaterThan(0)
    expect(result.tokensOut).toBeGreaterThan(0)
  })

  it('streams prose through several onDelta calls and reads the usage', async () => {
    const deltas: string[] = []

    const result = await openai.call(
      request({ maxTokens: 300, onDelta: (text) => deltas.push(text) }),
    )

    expect(deltas.length).toBeGreaterThan(3)
    expect(deltas.join('')).toBe(result.text)
    expect(result.text.split(/\s+/)).toHaveLength(150)
    expect(result).toMatchObject({ tokensOut: 300, finishReason: 'stop', provider: 'openai' })
    expect(result.tokensIn).toBe(
      Math.ceil('You are a novelist.\nPlan the opening scene.'.length / 4),
    )
    expect(server.requests[0]?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 300,
    })
  })

  it('reports an answer cut off at the token limit', async () => {
    server.script(reply.truncated())

    const result = await openai.call(request())

    expect(result.finishReason).toBe('length')
  })

  it('stops promptly when aborted during a stalled stream', async () => {
    server.script(reply.stall({ afterChunks: 1 }))
    const controller = new AbortController()
    const started = performance.now()

    const pending = openai.call(
      request({ signal: controller.signal, onDelta: () => controller.abort() }),
    )
    const error = await pending.catch((e: unknown) => e)

    expect(isAbortError(error)).toBe(true)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('gives up on a stream that goes silent and calls it a retryable stall', async () => {
    const impatient = new OpenAiProvider({
      apiKey: 'k',
      baseURL: server.openaiBaseUrl,
      streamIdleTimeoutMs: 100,
    })
    server.script(reply.stall({ afterChunks: 2 }))

    const error = await impatient.call(request()).catch((e: unknown) => e)

    expect(error).toMatchObject({
      kind: 'provider',
      details: { retryable: true, code: 'stream_stalled' },
    })
  })

  it('pings with GET /v1/models', async () => {
    await openai.ping()

    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models'])
  })
})

describe('OpenAiProvider ping', () => {
  it('reports a ping that outlives its time limit as a retryable timeout', async () => {
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as AddressInfo
    const provider = new OpenAiProvider({ apiKey: 'k', baseURL: `http://127.0.0.1:${port}/v1` })

    const error = await provider.ping(AbortSignal.timeout(100)).catch((e: unknown) => e)
    silent.closeAllConnections()
    silent.close()

    expect(error).toMatchObject({ kind: 'provider', details: { retryable: true, code: 'timeout' } })
  })

  it('points at the base URL when the ping reaches no API', async () => {
    const wrong = new OpenAiProvider({ apiKey: 'k', baseURL: `${server.url}/nowhere` })

    const error = await wrong.ping().catch((e: unknown) => e)

    expect(error).toMatchObject({ kind: 'provider', details: { status: 404, retryable: false } })
    expect((error as Error).message).toMatch(/check the model name and base URL in Settings/)
  })
})

describe('OpenAiProvider as the local provider', () => {
  it('works against an OpenAI-compatible server with a placeholder key', async () => {
    const local = new OpenAiProvider({ name: 'local', baseURL: server.openaiBaseUrl })

    const result = await local.call(
      request({ provider: 'local', model: 'llama3.1:8b', maxTokens: 20 }),
    )

    expect(result).toMatchObject({ provider: 'local', model: 'llama3.1:8b', finishReason: 'stop' })
    expect(server.requests[0]?.headers.authorization).toBe('Bearer local-no-key')
    expect(server.requests[0]?.body).toMatchObject({ max_tokens: 20 })
  })
})
