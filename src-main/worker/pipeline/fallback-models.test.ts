import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { FromWorkerSchema, type FromWorker } from '@shared/contracts/worker-protocol'
import { startModelServer, type ModelServer } from '../../testing/model-server'
import { createProviders, type ProviderSettings } from '../providers/create-providers'
import { makeJob, messagesOf } from './pipeline-test-kit'
import { runPipeline } from './run-pipeline'

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

/** Runs a job whose stages all use OpenAI (down for the whole run) with `fallback` set up. */
async function runWithPrimaryDown(fallback: ProviderSettings) {
  primary.setDown(true)
  const settings: ProviderSettings = {
    openai: { apiKey: 'sk-test', baseURL: primary.openaiBaseUrl },
    ...fallback,
  }
  const registry = createProviders(settings, {
    retry: { sleep: async () => {} },
    // A clock that never moves keeps the breaker open once it opens.
    breaker: { failureThreshold: 4, coolDownMs: 60_000, now: () => 0 },
  })
  const messages: FromWorker[] = []
  const outcome = await runPipeline({
    job: makeJob({}, { providers: settings }),
    models: registry,
    emit: (m) => void messages.push(FromWorkerSchema.parse(m)),
    signal: new AbortController().signal,
  })
  const sent = backup.requests.filter((r) => r.method === 'POST')
  return { outcome, registry, messages, sent }
}

const modelsOf = (requests: { body?: Record<string, unknown> }[]) =>
  new Set(requests.map((r) => r.body?.model))

describe('the fallback provider', () => {
  it('writes prose with its large model and plans with its small one', async () => {
    const { outcome, registry, messages, sent } = await runWithPrimaryDown({
      anthropic: { apiKey: 'sk-ant', baseURL: backup.anthropicBaseUrl },
      fallback: 'anthropic',
    })

    expect(outcome.status).toBe('completed')
    expect(registry.breakerState('openai')).toBe('open')
    // The breaker opened on the first call; no call after it reached the primary.
    expect(primary.requests.filter((r) => r.method === 'POST')).toHaveLength(4)
    const structured = sent.filter((r) => r.body?.tools !== undefined)
    const streamed = sent.filter((r) => r.body?.stream === true)
    expect(structured.length).toBeGreaterThan(5)
    expect(streamed.length).toBeGreaterThanOrEqual(6)
    expect(modelsOf(structured)).toEqual(new Set(['claude-haiku-4-5']))
    expect(modelsOf(streamed)).toEqual(new Set(['claude-sonnet-4-5']))
    const prose = messagesOf(messages, 'usage').filter((m) => m.usage.workKey === 'segment:001')
    expect(prose[0]?.usage).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-5' })
  })

  it('falls back to a local server with the model named in the settings', async () => {
    const { outcome, sent } = await runWithPrimaryDown({
      local: { baseURL: backup.openaiBaseUrl, model: 'llama3.1' },
      fallback: 'local',
    })

    expect(outcome.status).toBe('completed')
    expect(sent.length).toBeGreaterThan(10)
    expect(modelsOf(sent)).toEqual(new Set(['llama3.1']))
  })
})
