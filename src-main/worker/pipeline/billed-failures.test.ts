import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  FromWorkerSchema,
  type FromWorker,
  type WorkerJob,
} from '@shared/contracts/worker-protocol'
import { reply, startModelServer, type ModelServer } from '../../testing/model-server'
import { createProviders } from '../providers/create-providers'
import { INTERRUPTED_SUFFIX, REJECTED_SUFFIX } from './job-run'
import { checkpointsOf, createFakeModels, makeJob, messagesOf, runJob } from './pipeline-test-kit'
import { runPipeline } from './run-pipeline'

let server: ModelServer
let planned: Record<string, unknown>

beforeAll(async () => {
  server = await startModelServer()
  const first = await runJob(makeJob(), createFakeModels())
  planned = Object.fromEntries(
    Object.entries(checkpointsOf(first.messages)).filter(
      ([key]) =>
        /^stage:(brief|world|characters|structure|segment_plan)/.test(key) || /^plan:/.test(key),
    ),
  )
})
afterEach(() => server.reset())
afterAll(() => server.close())

/** A job run on the real OpenAI SDK against the model server, retries without waiting. */
async function runAgainstServer(job: Partial<WorkerJob> = {}) {
  const models = createProviders(
    { openai: { apiKey: 'sk-test', baseURL: server.openaiBaseUrl } },
    { retry: { sleep: async () => {} } },
  )
  const messages: FromWorker[] = []
  const outcome = await runPipeline({
    job: makeJob({}, job),
    models,
    emit: (m) => void messages.push(FromWorkerSchema.parse(m)),
    signal: new AbortController().signal,
  })
  const usage = messagesOf(messages, 'usage').map((m) => m.usage)
  return { outcome, messages, usage }
}

describe('billed calls that end in an error', () => {
  it('books both unusable structured answers before the job fails', async () => {
    server.script(reply.text('no json'), reply.text('still none'))

    const { outcome, usage } = await runAgainstServer()

    expect(outcome.status).toBe('failed')
    expect(usage).toEqual([
      expect.objectContaining({
        stage: 'brief',
        workKey: `stage:brief${REJECTED_SUFFIX}`,
        model: 'gpt-4o-mini',
        // Two words each, two tokens a word on the model server.
        tokensOut: 8,
        costUsd: expect.any(Number),
      }),
    ])
    expect(usage[0]!.costUsd).toBeGreaterThan(0)
  })

  it('books an unusable answer whose re-ask failed, then retries the call', async () => {
    server.script(reply.text('no json here'), reply.error(500))

    const { outcome, usage } = await runAgainstServer()

    expect(outcome.status).toBe('completed')
    const brief = usage.filter((u) => u.workKey.startsWith('stage:brief'))
    expect(brief.map((u) => [u.workKey, u.tokensOut > 0])).toEqual([
      [`stage:brief${REJECTED_SUFFIX}`, true],
      ['stage:brief', true],
    ])
    expect(brief[0]!.tokensOut).toBe(6)
  })

  it('counts an unusable answer against the budget before the retry', async () => {
    // Output costs $1,000 a million: the brief call's worst case (2,000 tokens, asked twice)
    // is $4. Three cents of an unusable answer leave too little for the retry.
    const prices = { 'gpt-4o-mini': { input: 0, output: 1_000 }, 'gpt-4o': { input: 0, output: 0 } }
    server.script(reply.prose(15), reply.error(500))

    const { outcome, messages, usage } = await runAgainstServer({ prices, budgetUsd: 4.01 })

    expect(outcome.status).toBe('failed')
    expect(messagesOf(messages, 'failed')[0]?.error.kind).toBe('budget')
    expect(usage.map((u) => [u.workKey, u.costUsd])).toEqual([
      [`stage:brief${REJECTED_SUFFIX}`, 0.03],
    ])
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })

  it('books a stream cut off on its last attempt, as it booked the ones before', async () => {
    const drops = Array.from({ length: 4 }, () => reply.drop({ afterChunks: 4 }))
    server.script(...drops)

    const { outcome, usage } = await runAgainstServer({ checkpoints: planned })

    expect(outcome.status).toBe('failed')
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(4)
    expect(usage).toHaveLength(4)
    for (const row of usage) {
      expect(row.workKey).toBe(`segment:001${INTERRUPTED_SUFFIX}`)
      expect(row.tokensOut).toBeGreaterThan(0)
    }
  })
})

describe('a model call cut off mid-stream', () => {
  it('books what the interrupted attempt wrote before asking again', async () => {
    server.script(reply.drop({ afterChunks: 4 }))

    const { outcome, usage } = await runAgainstServer({ checkpoints: planned })

    expect(outcome.status).toBe('completed')
    const interrupted = usage.filter((u) => u.workKey.endsWith(INTERRUPTED_SUFFIX))
    expect(interrupted).toHaveLength(1)
    expect(interrupted[0]).toMatchObject({ stage: 'prose', model: 'gpt-4o' })
    expect(interrupted[0]?.tokensOut).toBeGreaterThan(0)
    expect(interrupted[0]?.costUsd).toBeGreaterThan(0)
    // The retry of the same work is booked under the work's own key, once.
    const key = interrupted[0]!.workKey.slice(0, -INTERRUPTED_SUFFIX.length)
    expect(usage.filter((u) => u.workKey === key)).toHaveLength(1)
  })

  it('stops before the retry when the interrupted attempt used up the budget', async () => {
    // Prose costs $1,000 per million output tokens. A zero budget reports the first prose
    // call's worst case; a budget a cent above it lets that call start, and what it streams
    // before the drop (some 40 words) leaves too little for the retry.
    const prices = { 'gpt-4o-mini': { input: 0, output: 0 }, 'gpt-4o': { input: 0, output: 1_000 } }
    const probe = await runAgainstServer({ checkpoints: planned, prices, budgetUsd: 0 })
    const reported = /worst case \$(\d+\.\d+)/.exec(
      messagesOf(probe.messages, 'failed')[0]?.error.message ?? '',
    )
    const worstCase = Number(reported?.[1])
    expect(worstCase).toBeGreaterThan(1)
    server.script(reply.drop({ afterChunks: 40 }))

    const { outcome, messages, usage } = await runAgainstServer({
      checkpoints: planned,
      prices,
      budgetUsd: worstCase + 0.01,
    })

    expect(outcome.status).toBe('failed')
    expect(messagesOf(messages, 'failed')[0]?.error.kind).toBe('budget')
    expect(usage).toHaveLength(1)
    expect(usage[0]?.workKey.endsWith(INTERRUPTED_SUFFIX)).toBe(true)
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })
})
