import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../testing/api-client'
import { SHORT_BRIEF, startWriter } from '../../testing/engine-harness'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { generationJobs, jobCheckpoints, users } from '../db/schema'
import { completeJob, stopJob } from '../queue/finish-job'

let core: TestCore
beforeAll(async () => {
  core = await createTestCore({ env: { OPENAI_API_KEY: 'sk-test', RATE_LIMIT_ENABLED: 'false' } })
})
afterAll(() => core.dispose())

async function runningJob(actualCostUsd: number, withProse: boolean) {
  const writer = await startWriter(core)
  const job = await call(core, 'POST', '/api/jobs', {
    token: writer.token,
    body: { project_id: writer.projectId, brief: SHORT_BRIEF },
  })
  await core.db
    .update(generationJobs)
    .set({ status: 'running', actualCostUsd })
    .where(eq(generationJobs.id, job.json.id))
  if (withProse)
    await core.db
      .insert(jobCheckpoints)
      .values({ jobId: job.json.id, key: 'segment:001', data: {} })
  return {
    ...writer,
    jobId: job.json.id as string,
    estimate: job.json.estimated_cost_usd as number,
  }
}

async function monthOf(userId: string) {
  const user = await core.db.query.users.findFirst({ where: eq(users.id, userId) })
  return { generations: user!.generationsUsed, cost: user!.costUsedUsd }
}

const failure = { kind: 'provider' as const, message: 'The provider failed', retryable: false }

describe('settling the monthly cost', () => {
  it('charges a job that failed after writing prose what it really cost, not its estimate', async () => {
    const job = await runningJob(0.0123, true)
    expect((await monthOf(job.userId)).cost).toBeCloseTo(job.estimate, 6)

    await stopJob(core.db, job.jobId, failure, core.clock.now())
    expect(await monthOf(job.userId)).toEqual({ generations: 1, cost: 0.0123 })
  })

  it('gives everything back for a job that failed before any prose', async () => {
    const job = await runningJob(0.004, false)
    await stopJob(core.db, job.jobId, failure, core.clock.now())
    expect(await monthOf(job.userId)).toEqual({ generations: 0, cost: 0 })
  })

  it('settles a resumed job again by the difference when it completes', async () => {
    const job = await runningJob(0.01, true)
    await stopJob(core.db, job.jobId, failure, core.clock.now())
    const resumed = await call(core, 'POST', `/api/jobs/${job.jobId}/resume`, { token: job.token })
    expect(resumed.status).toBe(200)
    expect(await monthOf(job.userId)).toEqual({ generations: 1, cost: 0.01 })

    await core.db
      .update(generationJobs)
      .set({ status: 'running', actualCostUsd: 0.03 })
      .where(eq(generationJobs.id, job.jobId))
    await completeJob(core.db, job.jobId, RESULT, core.clock.now())
    expect(await monthOf(job.userId)).toEqual({ generations: 1, cost: 0.03 })
  })
})

const RESULT = {
  title: 'Latarnik',
  text: 'Światło zgasło.',
  wordCount: 2,
  world: {},
  characters: {},
  structure: {},
  segments: [{ number: 1, title: 'Jeden', words: 2 }],
  quality: {},
  qualityScore: null,
}
