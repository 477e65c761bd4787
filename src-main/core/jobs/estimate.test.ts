import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FromWorkerSchema, type FromWorker } from '@shared/contracts/worker-protocol'
import { startModelServer, type ModelServer } from '../../testing/model-server'
import { makeJob, messagesOf } from '../../worker/pipeline/pipeline-test-kit'
import { runPipeline } from '../../worker/pipeline/run-pipeline'
import { createProviders } from '../../worker/providers/create-providers'
import { estimateJobCost, estimateJobVolumes, type EstimatedVolume } from './estimate'

let server: ModelServer
beforeAll(async () => {
  server = await startModelServer()
})
afterAll(() => server.close())

/** Runs a whole job against the model server through the real OpenAI SDK; its ledger rows. */
async function ledgerOf(brief: Parameters<typeof makeJob>[0]) {
  const job = makeJob(brief, { budgetUsd: 1_000 })
  const messages: FromWorker[] = []
  const outcome = await runPipeline({
    job,
    models: createProviders(
      { openai: { apiKey: 'sk-test', baseURL: server.openaiBaseUrl } },
      { retry: { sleep: async () => {} } },
    ),
    emit: (m) => void messages.push(FromWorkerSchema.parse(m)),
    signal: new AbortController().signal,
  })
  expect(outcome.status).toBe('completed')
  return { job, usage: messagesOf(messages, 'usage').map((m) => m.usage) }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const tokensIn = (volumes: EstimatedVolume[], stages: string[]) =>
  sum(volumes.filter((v) => stages.includes(v.stage)).map((v) => v.tokensIn))

describe('the job estimate', () => {
  it('comes within 25% of what a short story really cost against the model server', async () => {
    const { job, usage } = await ledgerOf({ form: 'short_story', target_words: 3_000 })

    const actual = sum(usage.map((u) => u.costUsd))
    const estimate = estimateJobCost(job.brief, job.stageModels, job.prices)

    expect(Math.abs(estimate - actual) / actual).toBeLessThan(0.25)
  })

  it('follows the text a novel sends, reviews of every word included, within 20%', async () => {
    const { job, usage } = await ledgerOf({ form: 'novel', target_words: 40_000 })
    const volumes = estimateJobVolumes(job.brief)

    // Review windows only: rewrites are booked to the editorial stage too, and the model
    // server's made-up findings decide how many there are.
    const reviewed = sum(
      usage.filter((u) => /^(coherence|editorial):\d+$/.test(u.workKey)).map((u) => u.tokensIn),
    )
    const reviewEstimate = tokensIn(
      volumes.filter((v) => v.modelStage === v.stage),
      ['coherence', 'editorial'],
    )
    const drafted = sum(
      usage.filter((u) => /^segment:\d+$/.test(u.workKey)).map((u) => u.tokensOut),
    )
    const draftEstimate = sum(
      volumes
        .filter((v) => v.stage === 'prose' && v.modelStage === 'prose')
        .map((v) => v.tokensOut),
    )

    expect(Math.abs(reviewEstimate - reviewed) / reviewed).toBeLessThan(0.2)
    expect(Math.abs(draftEstimate - drafted) / drafted).toBeLessThan(0.2)
  })

  it('reads a long novel twice in review, not a sample of it', () => {
    const volumes = estimateJobVolumes({ form: 'novel', target_words: 100_000, language: 'pl' })

    // Two tokens a Polish word, each word read by both reviewers.
    expect(tokensIn(volumes, ['coherence'])).toBeGreaterThan(100_000 * 2)
    expect(tokensIn(volumes, ['editorial'])).toBeGreaterThan(100_000 * 2)
    expect(volumes.filter((v) => v.stage === 'coherence').length).toBeGreaterThanOrEqual(9)
  })

  it('writes as many segments as the pipeline plans, each polished once', () => {
    const volumes = estimateJobVolumes({ form: 'novel', target_words: 40_000, language: 'en' })

    const drafts = volumes.filter((v) => v.stage === 'prose' && v.modelStage === 'prose')
    expect(drafts).toHaveLength(22)
    expect(volumes.filter((v) => v.stage === 'stylization')).toHaveLength(22)
    // 1.35 tokens an English word, rounded up per segment.
    const written = sum(drafts.map((v) => v.tokensOut))
    expect(written).toBeGreaterThanOrEqual(54_000)
    expect(written).toBeLessThan(54_000 + drafts.length)
  })
})
