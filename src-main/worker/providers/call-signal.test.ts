import { getEventListeners } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startModelServer, type ModelServer } from '../../testing/model-server'
import { AnthropicProvider } from './anthropic-provider'
import { linkCallSignal } from './call-signal'
import { OpenAiProvider } from './openai-provider'
import type { ModelCallRequest, ModelProvider } from './types'

let server: ModelServer
beforeAll(async () => {
  server = await startModelServer()
})
afterAll(() => server.close())

const NoteSchema = z.object({ note: z.string() })

function request(provider: 'openai' | 'anthropic', signal: AbortSignal): ModelCallRequest {
  return {
    provider,
    model: provider === 'openai' ? 'gpt-4o-mini' : 'claude-haiku-4-5',
    system: 'You keep notes.',
    prompt: 'Note the weather.',
    maxTokens: 200,
    temperature: 0.5,
    signal,
  }
}

describe('the job signal handed to the SDKs', () => {
  it.each([
    ['openai', () => new OpenAiProvider({ apiKey: 'sk-test', baseURL: server.openaiBaseUrl })],
    [
      'anthropic',
      () => new AnthropicProvider({ apiKey: 'sk-test', baseURL: server.anthropicBaseUrl }),
    ],
  ] as const)('holds no listener of %s calls once they are over', async (name, create) => {
    const provider: ModelProvider = create()
    const job = new AbortController()

    for (let i = 0; i < 12; i++) {
      await provider.call({
        ...request(name, job.signal),
        structured: { name: 'note', schema: NoteSchema },
      })
      await provider.call(request(name, job.signal))
    }

    expect(getEventListeners(job.signal, 'abort')).toHaveLength(0)
  })

  it('aborts a call with its job, and only that call when it is aborted alone', () => {
    const job = new AbortController()
    const first = linkCallSignal(job.signal)
    const second = linkCallSignal(job.signal)

    second.abort()
    expect([first.signal.aborted, job.signal.aborted]).toEqual([false, false])
    job.abort('cancelled')
    expect(first.signal.aborted).toBe(true)
    expect(first.signal.reason).toBe('cancelled')
  })
})
