import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import Anthropic, { APIError as AnthropicApiError } from '@anthropic-ai/sdk'
import OpenAI, { APIError as OpenAiApiError } from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { reply, startModelServer, type ModelServer } from './index'

let server: ModelServer
let openai: OpenAI
let anthropic: Anthropic

beforeAll(async () => {
  server = await startModelServer()
  openai = new OpenAI({ apiKey: 'test-key', baseURL: server.openaiBaseUrl, maxRetries: 0 })
  anthropic = new Anthropic({ apiKey: 'test-key', baseURL: server.anthropicBaseUrl, maxRetries: 0 })
})
afterEach(() => server.reset())
afterAll(() => server.close())

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length
const ask = (content: string) => [{ role: 'user' as const, content }]

describe('model server in auto mode', () => {
  it('writes max_tokens / 2 words of prose ending with a full stop', async () => {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: ask('Write a scene.'),
      max_completion_tokens: 200,
    })

    const text = completion.choices[0]?.message.content ?? ''
    expect(countWords(text)).toBe(100)
    expect(text).toMatch(/\.$/)
    expect(completion.usage?.completion_tokens).toBe(200)
    expect(completion.usage?.prompt_tokens).toBe(Math.ceil('Write a scene.'.length / 4))
  })

  it('writes Polish-looking prose when the prompt is Polish', async () => {
    const message = await anthropic.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 60,
      messages: ask('Napisz scenę po polsku, proszę.'),
    })

    const block = message.content[0]
    expect(block?.type === 'text' && block.text).toMatch(/^[A-ZĄĆĘŁŃÓŚŹŻ][^]*\.$/)
    expect(message.stop_reason).toBe('end_turn')
  })

  it('streams OpenAI prose in several chunks with a final usage chunk', async () => {
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: ask('Write.'),
      max_completion_tokens: 80,
      stream: true,
      stream_options: { include_usage: true },
    })

    const pieces: string[] = []
    let usage: OpenAI.CompletionUsage | null | undefined
    let finish: string | null | undefined
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) pieces.push(chunk.choices[0].delta.content)
      finish = chunk.choices[0]?.finish_reason ?? finish
      usage = chunk.usage ?? usage
    }

    expect(pieces.length).toBeGreaterThanOrEqual(3)
    expect(countWords(pieces.join(''))).toBe(40)
    expect(finish).toBe('stop')
    expect(usage?.completion_tokens).toBe(80)
  })

  it('answers a forced Anthropic tool with tool_use input that fits its schema', async () => {
    const input_schema = {
      type: 'object' as const,
      properties: { title: { type: 'string' }, chapters: { type: 'integer', minimum: 5 } },
      required: ['title', 'chapters'],
    }
    const stream = anthropic.messages.stream({
      model: 'claude-sonnet-4-5',
      max_tokens: 500,
      messages: ask('Plan the book.'),
      tools: [{ name: 'plan', input_schema }],
      tool_choice: { type: 'tool', name: 'plan' },
    })

    const message = await stream.finalMessage()
    const block = message.content[0]
    expect(message.stop_reason).toBe('tool_use')
    expect(block?.type === 'tool_use' && block.input).toEqual({
      title: expect.stringMatching(/\w+ \w+/),
      chapters: 5,
    })
  })

  it('lists models in each provider’s format', async () => {
    const openaiModels = await openai.models.list()
    const anthropicModels = await anthropic.models.list({ limit: 1 })

    expect(openaiModels.data.map((m) => m.id)).toContain('gpt-4o-mini')
    expect(anthropicModels.data[0]?.type).toBe('model')
  })
})

describe('model server scripting', () => {
  it('plays scripted steps in order, then returns to auto mode', async () => {
    server.script(reply.text('first'), reply.json({ n: 2 }))
    const texts: string[] = []
    for (let i = 0; i < 3; i++) {
      const completion = await openai.chat.completions.create({
        model: 'm',
        messages: ask(`#${i}`),
      })
      texts.push(completion.choices[0]?.message.content ?? '')
    }

    expect(texts.slice(0, 2)).toEqual(['first', '{"n":2}'])
    expect(countWords(texts[2] ?? '')).toBe(512)
    expect(server.requests.map((r) => r.prompt)).toEqual(['#0', '#1', '#2'])
  })

  it('reports a truncated answer as length / max_tokens', async () => {
    server.script(reply.truncated('cut off mid'), reply.truncated())

    const completion = await openai.chat.completions.create({ model: 'm', messages: ask('x') })
    const message = await anthropic.messages.create({
      model: 'c',
      max_tokens: 10,
      messages: ask('x'),
    })

    expect(completion.choices[0]?.finish_reason).toBe('length')
    expect(message.stop_reason).toBe('max_tokens')
  })

  it('fails in the provider’s error format with Retry-After', async () => {
    server.script(reply.error(429, { retryAfter: '2' }), reply.error(401))

    const rateLimited = await anthropic.messages
      .create({ model: 'c', max_tokens: 10, messages: ask('x') })
      .catch((e: unknown) => e)
    const refused = await openai.chat.completions
      .create({ model: 'm', messages: ask('x') })
      .catch((e: unknown) => e)

    expect(rateLimited).toBeInstanceOf(Anthropic.RateLimitError)
    expect((rateLimited as AnthropicApiError).headers?.get('retry-after')).toBe('2')
    expect(refused).toBeInstanceOf(OpenAI.AuthenticationError)
    expect((refused as OpenAiApiError).code).toBe('invalid_api_key')
  })

  it('drops the connection mid-stream after the chunks it promised', async () => {
    server.script(reply.drop({ afterChunks: 1 }))
    const pieces: string[] = []

    const failure = await (async () => {
      const stream = await openai.chat.completions.create({
        model: 'm',
        messages: ask('x'),
        stream: true,
      })
      for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta.content ?? '')
    })().catch((e: unknown) => e)

    expect(failure).toBeInstanceOf(TypeError)
    expect(pieces.filter(Boolean)).toHaveLength(1)
  })

  it('answers 503 to everything while down, models included', async () => {
    server.setDown(true)

    const models = await openai.models.list().catch((e: unknown) => e)
    const message = await anthropic.messages
      .create({ model: 'c', max_tokens: 10, messages: ask('x') })
      .catch((e: unknown) => e)

    expect((models as OpenAiApiError).status).toBe(503)
    expect((message as AnthropicApiError).status).toBe(503)
    server.setDown(false)
    await expect(openai.models.list()).resolves.toBeDefined()
  })
})

describe('model server CLI', () => {
  it('prints one listening line and stops on SIGTERM', async () => {
    // `node --import tsx` rather than `npx tsx`, so the signal reaches the server itself.
    const cli = 'src-main/testing/model-server/cli.ts'
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const lines = createInterface({ input: child.stdout })
    const [line] = (await lines[Symbol.asyncIterator]().next()).value?.split('\n') ?? []

    const url = /^model-server listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line ?? '')?.[1]
    const client = new OpenAI({ apiKey: 'x', baseURL: `${url}/v1`, maxRetries: 0 })
    await expect(client.models.list()).resolves.toBeDefined()

    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
    expect(url).toBeDefined()
  })
})
