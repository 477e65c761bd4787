import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../testing/api-client'
import { SHORT_BRIEF, startWriter } from '../../testing/engine-harness'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { generationJobs, jobCheckpoints, users } from '../db/schema'
import { ProjectsService } from '../projects/projects-service'
import { completeJob, stopJob } from '../queue/finish-job'
import { JobsService } from './jobs-service'

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

  it('gives back the generation of a job that failed before any prose, not what it spent', async () => {
    const job = await runningJob(0.004, false)
    await stopJob(core.db, job.jobId, failure, core.clock.now())
    expect(await monthOf(job.userId)).toEqual({ generations: 0, cost: 0.004 })
  })

  it('takes a given-back generation again on resume and settles the whole cost once', async () => {
    const job = await runningJob(0.004, false)
    await stopJob(core.db, job.jobId, failure, core.clock.now())

    const resumed = await call(core, 'POST', `/api/jobs/${job.jobId}/resume`, { token: job.token })
    expect(resumed.status).toBe(200)
    const reserved = await monthOf(job.userId)
    expect(reserved.generations).toBe(1)
    expect(reserved.cost).toBeCloseTo(0.004 + job.estimate, 6)

    await core.db
      .update(generationJobs)
      .set({ status: 'running', actualCostUsd: 0.02 })
      .where(eq(generationJobs.id, job.jobId))
    await completeJob(core.db, job.jobId, RESULT, core.clock.now())
    expect(await monthOf(job.userId)).toEqual({ generations: 1, cost: 0.02 })
  })

  it('lets one of two racing resumes through and takes the generation once', async () => {
    const job = await runningJob(0.004, false)
    await stopJob(core.db, job.jobId, failure, core.clock.now())

    // Called on the service itself, both resumes read the job before either writes: the
    // database answers queries in the order they were sent. (Through the HTTP stack the
    // second request happens to read after the first has written.)
    const jobs = new JobsService({
      db: core.db,
      events: core.events,
      settings: core.settings,
      projects: new ProjectsService(core.db),
      control: { wake: () => {}, cancelRunning: async () => {} },
      now: core.clock.now,
    })
    const resume = () => jobs.resume(job.userId, job.jobId)
    const answers = await Promise.allSettled([resume(), resume()])

    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = answers.find((a) => a.status === 'rejected')
    expect(refused?.reason).toMatchObject({ kind: 'conflict', status: 409 })
    const month = await monthOf(job.userId)
    expect(month.generations).toBe(1)
    expect(month.cost).toBeCloseTo(0.004 + job.estimate, 6)
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
