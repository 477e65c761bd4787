import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAGE_VALUES, type Stage } from '@shared/contracts/catalog'
import type { ModelChoice } from '@shared/contracts/jobs'
import { startModelServer, type ModelServer } from '../../testing/model-server'
import { createProviders } from '../providers/create-providers'
import { makeJob, messagesOf } from './pipeline-test-kit'
import { runPipeline } from './run-pipeline'
import { FromWorkerSchema, type FromWorker } from '@shared/contracts/worker-protocol'

let server: ModelServer

beforeAll(async () => {
  server = await startModelServer()
})
afterAll(() => server.close())

/** Analysis through Anthropic's API, prose through OpenAI's: both wires in one job. */
function mixedModels(): Record<Stage, ModelChoice> {
  const analysis: ModelChoice = { provider: 'anthropic', model: 'claude-haiku-4-5' }
  const prose: ModelChoice = { provider: 'openai', model: 'gpt-4o' }
  return Object.fromEntries(
    STAGE_VALUES.map((s) => [s, s === 'prose' || s === 'stylization' ? prose : analysis]),
  ) as Record<Stage, ModelChoice>
}

describe('the pipeline through the real provider layer', () => {
  it('turns a brief into a finished story against the local model server', async () => {
    server.reset()
    const job = makeJob({}, { stageModels: mixedModels() })
    const models = createProviders({
      openai: { apiKey: 'test-key', baseURL: server.openaiBaseUrl },
      anthropic: { apiKey: 'test-key', baseURL: server.anthropicBaseUrl },
    })
    const messages: FromWorker[] = []

    const outcome = await runPipeline({
      job,
      models,
      emit: (m) => void messages.push(FromWorkerSchema.parse(m)),
      signal: new AbortController().signal,
    })

    expect(outcome).toMatchObject({ status: 'completed' })
    const [result] = messagesOf(messages, 'result')
    expect(result?.narrative.segments).toHaveLength(3)
    expect(result?.narrative.wordCount).toBeGreaterThan(0.6 * job.brief.target_words)
    expect(result?.narrative.text).toMatch(/[ąćęłńóśźż]/)

    const generations = server.requests.filter((r) => r.method === 'POST')
    expect(messagesOf(messages, 'usage')).toHaveLength(generations.length)
    expect(generations.some((r) => r.api === 'anthropic')).toBe(true)
    expect(generations.some((r) => r.api === 'openai' && r.body?.stream === true)).toBe(true)
    expect(messagesOf(messages, 'prose').length).toBeGreaterThan(3)
  })

  it('sends structured stages as strict JSON schemas to OpenAI', async () => {
    server.reset()
    const openaiOnly = Object.fromEntries(
      STAGE_VALUES.map((s) => [s, { provider: 'openai', model: 'gpt-4o-mini' }]),
    ) as Record<Stage, ModelChoice>
    const models = createProviders({
      openai: { apiKey: 'test-key', baseURL: server.openaiBaseUrl },
    })

    const outcome = await runPipeline({
      job: makeJob({ language: 'en' }, { stageModels: openaiOnly }),
      models,
      emit: () => {},
      signal: new AbortController().signal,
    })

    expect(outcome.status).toBe('completed')
    const formats = server.requests
      .map((r) => r.body?.response_format as { type?: string; json_schema?: { strict?: boolean } })
      .filter(Boolean)
    expect(formats.length).toBeGreaterThanOrEqual(7)
    expect(formats.every((f) => f.type === 'json_schema' && f.json_schema?.strict === true)).toBe(
      true,
    )
  })
})
