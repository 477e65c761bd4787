import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../../testing/api-client'
import { SHORT_BRIEF, startWriter } from '../../testing/engine-harness'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { generationJobs, jobCheckpoints, users } from '../db/schema'
import { createSilentLogger } from '../logging/logger'
import { ProjectsService } from '../projects/projects-service'
import { completeJob, stopJob } from '../queue/finish-job'
import { recordWorkerMessage } from '../queue/job-recorder'
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

/** Books one model call of the job, as the recorder does when its worker reports usage. */
async function spend(job: Awaited<ReturnType<typeof runningJob>>, costUsd: number) {
  const deps = { db: core.db, events: core.events, log: createSilentLogger(), now: core.clock.now }
  const running = { id: job.jobId, userId: job.userId, projectId: job.projectId }
  const usage = {
    stage: 'world' as const,
    workKey: 'world',
    provider: 'openai' as const,
    model: 'gpt-4o-mini',
    tokensIn: 100,
    tokensOut: 50,
    costUsd,
    latencyMs: 900,
  }
  await recordWorkerMessage(deps, running, { type: 'usage', jobId: job.jobId, usage })
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

describe('resuming in a later month', () => {
  let startedAt: Date
  beforeEach(() => {
    startedAt = core.clock.now()
  })
  afterEach(() => core.clock.set(startedAt))

  it('charges the new month only what the job cost after the resume', async () => {
    core.clock.set(new Date('2026-03-31T23:40:00Z'))
    const job = await runningJob(0, false)
    await spend(job, 0.004)
    await spend(job, 0.003)
    await stopJob(core.db, job.jobId, failure, core.clock.now())
    expect(await monthOf(job.userId)).toEqual({ generations: 0, cost: 0.007 })

    core.clock.set(new Date('2026-04-01T00:05:00Z'))
    const resumed = await call(core, 'POST', `/api/jobs/${job.jobId}/resume`, { token: job.token })
    expect(resumed.status).toBe(200)
    const reserved = await monthOf(job.userId)
    expect(reserved.generations).toBe(1)
    expect(reserved.cost).toBeCloseTo(job.estimate, 6)

    await core.db
      .update(generationJobs)
      .set({ status: 'running' })
      .where(eq(generationJobs.id, job.jobId))
    await spend(job, 0.011)
    await spend(job, 0.009)
    await completeJob(core.db, job.jobId, RESULT, core.clock.now())
    const april = await core.db.query.users.findFirst({ where: eq(users.id, job.userId) })
    expect(april).toMatchObject({ usageMonth: '2026-04', generationsUsed: 1, costUsedUsd: 0.02 })

    const march = await call(core, 'GET', '/api/usage?from=2026-03-01&to=2026-03-31', {
      token: job.token,
    })
    expect(march.json.total).toMatchObject({ cost_usd: 0.007, calls: 2 })
  })

  it('leaves the new month only its own spend when a job resumed there fails before prose', async () => {
    core.clock.set(new Date('2026-03-31T23:40:00Z'))
    const job = await runningJob(0, false)
    await spend(job, 0.004)
    await stopJob(core.db, job.jobId, failure, core.clock.now())

    core.clock.set(new Date('2026-04-01T00:05:00Z'))
    await call(core, 'POST', `/api/jobs/${job.jobId}/resume`, { token: job.token })
    await core.db
      .update(generationJobs)
      .set({ status: 'running' })
      .where(eq(generationJobs.id, job.jobId))
    await spend(job, 0.006)
    await stopJob(core.db, job.jobId, failure, core.clock.now())

    expect(await monthOf(job.userId)).toEqual({ generations: 0, cost: 0.006 })
  })
})

describe('resuming in a later month a job that kept its generation', () => {
  let startedAt: Date
  beforeEach(() => {
    startedAt = core.clock.now()
  })
  afterEach(() => core.clock.set(startedAt))

  it('counts the rest of its cost against the new month, without a second generation', async () => {
    core.clock.set(new Date('2026-05-31T23:40:00Z'))
    const job = await runningJob(0, true)
    await spend(job, 0.005)
    await stopJob(core.db, job.jobId, failure, core.clock.now())
    expect(await monthOf(job.userId)).toEqual({ generations: 1, cost: 0.005 })

    core.clock.set(new Date('2026-06-01T00:05:00Z'))
    const resumed = await call(core, 'POST', `/api/jobs/${job.jobId}/resume`, { token: job.token })
    expect(resumed.status).toBe(200)
    const reserved = await core.db.query.users.findFirst({ where: eq(users.id, job.userId) })
    expect(reserved).toMatchObject({ usageMonth: '2026-06', generationsUsed: 0 })
    expect(reserved!.costUsedUsd).toBeCloseTo(job.estimate - 0.005, 6)

    await core.db
      .update(generationJobs)
      .set({ status: 'running' })
      .where(eq(generationJobs.id, job.jobId))
    await spend(job, 0.012)
    await completeJob(core.db, job.jobId, RESULT, core.clock.now())
    expect(await monthOf(job.userId)).toEqual({ generations: 0, cost: 0.012 })
  })

  it('is refused when the new month has no room left for the rest of its cost', async () => {
    core.clock.set(new Date('2026-07-31T23:40:00Z'))
    const job = await runningJob(0, true)
    await stopJob(core.db, job.jobId, failure, core.clock.now())
    core.clock.set(new Date('2026-08-01T00:05:00Z'))
    await core.db
      .update(users)
      .set({ usageMonth: '2026-08', costUsedUsd: 10 })
      .where(eq(users.id, job.userId))

    const resumed = await call(core, 'POST', `/api/jobs/${job.jobId}/resume`, { token: job.token })

    expect(resumed.status).toBe(403)
    expect(resumed.json.detail).toMatch(/Monthly cost limit/)
    const row = await core.db.query.generationJobs.findFirst({
      where: eq(generationJobs.id, job.jobId),
    })
    expect(row!.status).toBe('failed')
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
