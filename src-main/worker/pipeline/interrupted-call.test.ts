import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  FromWorkerSchema,
  type FromWorker,
  type WorkerJob,
} from '@shared/contracts/worker-protocol'
import { reply, startModelServer, type ModelServer } from '../../testing/model-server'
import { createProviders } from '../providers/create-providers'
import { INTERRUPTED_SUFFIX } from './job-run'
import { checkpointsOf, createFakeModels, makeJob, messagesOf, runJob } from './pipeline-test-kit'
import { runPipeline } from './run-pipeline'

let server: ModelServer
let planned: Record<string, unknown>

beforeAll(async () => {
  server = await startModelServer()
  // Planning comes from checkpoints, so the first request the server sees is segment 1's prose.
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

async function runAgainstServer(job: Partial<WorkerJob>) {
  const models = createProviders(
    { openai: { apiKey: 'sk-test', baseURL: server.openaiBaseUrl } },
    { retry: { sleep: async () => {} } },
  )
  const messages: FromWorker[] = []
  const outcome = await runPipeline({
    job: makeJob({}, { checkpoints: planned, ...job }),
    models,
    emit: (m) => void messages.push(FromWorkerSchema.parse(m)),
    signal: new AbortController().signal,
  })
  return { outcome, messages }
}

describe('a model call cut off mid-stream', () => {
  it('books what the interrupted attempt wrote before asking again', async () => {
    server.script(reply.drop({ afterChunks: 4 }))

    const { outcome, messages } = await runAgainstServer({})

    expect(outcome.status).toBe('completed')
    const usage = messagesOf(messages, 'usage').map((m) => m.usage)
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
    const probe = await runAgainstServer({ prices, budgetUsd: 0 })
    const reported = /worst case \$(\d+\.\d+)/.exec(
      messagesOf(probe.messages, 'failed')[0]?.error.message ?? '',
    )
    const worstCase = Number(reported?.[1])
    expect(worstCase).toBeGreaterThan(1)
    server.script(reply.drop({ afterChunks: 40 }))

    const { outcome, messages } = await runAgainstServer({ prices, budgetUsd: worstCase + 0.01 })

    expect(outcome.status).toBe('failed')
    expect(messagesOf(messages, 'failed')[0]?.error.kind).toBe('budget')
    const usage = messagesOf(messages, 'usage').map((m) => m.usage)
    expect(usage).toHaveLength(1)
    expect(usage[0]?.workKey.endsWith(INTERRUPTED_SUFFIX)).toBe(true)
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })
})
