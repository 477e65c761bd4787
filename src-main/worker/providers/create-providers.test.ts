import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { reply, startModelServer, type ModelServer } from '../../testing/model-server'
import { createProviders, readProviderSettings } from './create-providers'
import type { ModelCallRequest } from './types'

let primary: ModelServer
let backup: ModelServer

beforeAll(async () => {
  primary = await startModelServer()
  backup = await startModelServer()
})
afterEach(() => {
  primary.reset()
  backup.reset()
})
afterAll(() => Promise.all([primary.close(), backup.close()]))

/** A fresh registry per test, so breaker state never leaks from one test to the next. */
function createRegistry() {
  const clock = { now: 0 }
  const registry = createProviders(
    {
      openai: { apiKey: 'sk-test', baseURL: primary.openaiBaseUrl },
      anthropic: { apiKey: 'sk-ant', baseURL: backup.anthropicBaseUrl },
      fallback: 'anthropic',
    },
    {
      retry: { sleep: async () => {}, random: () => 0 },
      breaker: { failureThreshold: 4, coolDownMs: 30_000, now: () => clock.now },
    },
  )
  return { registry, clock }
}

const request = (extra: Partial<ModelCallRequest> = {}): ModelCallRequest => ({
  provider: 'openai',
  model: 'gpt-4o-mini',
  system: 'You are a novelist.',
  prompt: 'Write the first line.',
  maxTokens: 40,
  temperature: 0.7,
  ...extra,
})

describe('provider registry', () => {
  it('falls back to the other provider with its model when the primary is down', async () => {
    const { registry } = createRegistry()
    primary.setDown(true)

    const result = await registry.call(request({ fallbackModel: 'claude-sonnet-4-5' }))

    expect(result).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-5' })
    expect(primary.requests).toHaveLength(4)
    expect(backup.requests[0]?.body).toMatchObject({ model: 'claude-sonnet-4-5' })
  })

  it('goes straight to the fallback while the primary’s breaker is open', async () => {
    const { registry, clock } = createRegistry()
    primary.setDown(true)
    await registry.call(request())
    expect(registry.breakerState('openai')).toBe('open')
    primary.reset()

    const during = await registry.call(request())
    clock.now += 30_000
    const after = await registry.call(request())

    expect(during).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5' })
    expect(after.provider).toBe('openai')
    expect(primary.requests).toHaveLength(1)
    expect(registry.breakerState('openai')).toBe('closed')
  })

  it('does not fall back when the failure is the caller’s to fix', async () => {
    const { registry } = createRegistry()
    primary.script(reply.error(401))

    const error = await registry.call(request()).catch((e: unknown) => e)

    expect(error).toMatchObject({ details: { provider: 'openai', status: 401 } })
    expect(backup.requests).toHaveLength(0)
  })

  it('refuses a provider that is not set up, saying where to set it up', () => {
    const bare = createProviders({})

    expect(() => bare.get('local')).toThrow(/local model server is not set up; add it in Settings/)
    expect(bare.names).toEqual([])
  })

  it('reads provider settings from the application settings', () => {
    const settings = readProviderSettings({
      OPENAI_API_KEY: 'sk-1',
      OPENAI_BASE_URL: undefined,
      ANTHROPIC_API_KEY: undefined,
      ANTHROPIC_BASE_URL: undefined,
      LOCAL_MODEL_BASE_URL: 'http://127.0.0.1:11434/v1',
      LOCAL_MODEL_API_KEY: undefined,
      LOCAL_MODEL_NAME: 'llama3.1',
      PROVIDER_FALLBACK: 'local',
    })

    expect(settings).toEqual({
      openai: { apiKey: 'sk-1', baseURL: undefined },
      local: { baseURL: 'http://127.0.0.1:11434/v1', apiKey: undefined, model: 'llama3.1' },
      fallback: 'local',
    })
  })
})
