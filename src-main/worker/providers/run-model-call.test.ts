import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { reply, startModelServer, type ModelServer } from '../../testing/model-server'
import { AnthropicProvider } from './anthropic-provider'
import { takeBilledTokens } from './billed-tokens'
import { OpenAiProvider } from './openai-provider'
import type { ModelCallRequest } from './types'

let server: ModelServer
let openai: OpenAiProvider
let anthropic: AnthropicProvider

beforeAll(async () => {
  server = await startModelServer()
  openai = new OpenAiProvider({ apiKey: 'sk-test', baseURL: server.openaiBaseUrl })
  anthropic = new AnthropicProvider({ apiKey: 'sk-ant', baseURL: server.anthropicBaseUrl })
})
afterEach(() => server.reset())
afterAll(() => server.close())

const TitleSchema = z.object({ title: z.string().min(2), subtitle: z.string().optional() })

const request = (
  provider: 'openai' | 'anthropic',
): ModelCallRequest<z.infer<typeof TitleSchema>> => ({
  provider,
  model: provider === 'openai' ? 'gpt-4o-mini' : 'claude-haiku-4-5',
  system: 'Name the book.',
  prompt: 'A story about a lighthouse.',
  maxTokens: 100,
  temperature: 0,
  structured: { name: 'title', schema: TitleSchema },
})

describe('structured answers that do not parse', () => {
  it('asks once more with the validation problem appended, then succeeds', async () => {
    server.script(
      reply.text('Sure! The title is Ash.'),
      reply.json({ title: 'Ash', subtitle: null }),
    )

    const result = await openai.call(request('openai'))

    expect(result.value).toEqual({ title: 'Ash' })
    expect(server.requests).toHaveLength(2)
    expect(server.requests[1]?.prompt).toMatch(
      /^A story about a lighthouse\.\n\nYour previous answer could not be used: it is not valid JSON/,
    )
    // Both attempts are billed: five words of excuse (10 tokens) plus one JSON word (2).
    expect(result.tokensOut).toBe(12)
  })

  it('passes the schema problem back when the JSON has the wrong shape', async () => {
    server.script(reply.json({ title: 'A' }), reply.json({ title: 'Ash' }))

    const result = await anthropic.call(request('anthropic'))

    expect(result.value).toEqual({ title: 'Ash' })
    expect(server.requests[1]?.prompt).toMatch(/does not match the schema:\n.*title/s)
  })

  it('fails with a provider error after the second invalid answer', async () => {
    server.script(reply.text('no json'), reply.text('still none'))

    const error = await anthropic.call(request('anthropic')).catch((e: unknown) => e)

    expect(error).toMatchObject({
      kind: 'provider',
      message: expect.stringMatching(/^Anthropic returned invalid JSON for "title" twice/),
      details: { provider: 'anthropic', retryable: false, code: 'invalid_json' },
    })
    expect(server.requests).toHaveLength(2)
    // Both answers were billed: two words each, two tokens a word on the model server.
    expect(takeBilledTokens(error)).toEqual({ tokensIn: expect.any(Number), tokensOut: 8 })
    expect(takeBilledTokens(error)).toBeUndefined()
  })

  it('carries the billed first answer on the error when asking again fails', async () => {
    server.script(reply.text('no json here'), reply.error(400))

    const error = await openai.call(request('openai')).catch((e: unknown) => e)

    expect(error).toMatchObject({ kind: 'provider', details: { status: 400 } })
    expect(takeBilledTokens(error)?.tokensOut).toBe(6)
  })

  it('accepts JSON wrapped in a Markdown fence, as local models write it', async () => {
    server.script(reply.text('```json\n{"title":"Ash"}\n```'))

    const result = await openai.call(request('openai'))

    expect(result.value).toEqual({ title: 'Ash' })
    expect(server.requests).toHaveLength(1)
  })
})
