import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkerError } from '@shared/contracts/worker-protocol'
import { call } from '../../testing/api-client'
import { SHORT_BRIEF, startWriter } from '../../testing/engine-harness'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { generationJobs } from '../db/schema'
import { stopJob } from './finish-job'
import { MAX_ATTEMPTS, recoverLostJob } from './recover-job'

let core: TestCore
beforeAll(async () => {
  core = await createTestCore({ env: { OPENAI_API_KEY: 'sk-test', RATE_LIMIT_ENABLED: 'false' } })
})
afterAll(() => core.dispose())

/** A job that was claimed and is running, without a checkpoint yet. */
async function runningJob(attempts = 1) {
  const writer = await startWriter(core)
  const job = await call(core, 'POST', '/api/jobs', {
    token: writer.token,
    body: { project_id: writer.projectId, brief: SHORT_BRIEF },
  })
  await core.db
    .update(generationJobs)
    .set({ status: 'running', attempts, startedAt: core.clock.now() })
    .where(eq(generationJobs.id, job.json.id))
  return { token: writer.token, jobId: job.json.id as string }
}

/** The job as the writer's screen sees it. */
async function seen(job: { token: string; jobId: string }) {
  const res = await call(core, 'GET', `/api/jobs/${job.jobId}`, { token: job.token })
  return res.json as { status: string; can_resume: boolean; error_message: string }
}

async function stop(error: WorkerError) {
  const job = await runningJob()
  await stopJob(core.db, job.jobId, error, core.clock.now())
  return seen(job)
}

describe('a job that failed before its first checkpoint', () => {
  it('can be resumed after its workers were lost three times, as the message says', async () => {
    const job = await runningJob(MAX_ATTEMPTS)
    await core.db
      .update(generationJobs)
      .set({ workerId: 'instance-a/worker-1' })
      .where(eq(generationJobs.id, job.jobId))

    const deps = { db: core.db, events: core.events, log: core.log, now: core.clock.now }
    await recoverLostJob(deps, job.jobId, 'instance-a/worker-1', 'exited with code 1')

    const failed = await seen(job)
    expect(failed.status).toBe('failed')
    expect(failed.error_message).toMatch(/failed 3 times.*resume the job to try again$/)
    expect(failed.can_resume).toBe(true)
  })

  it('can be resumed after a provider failure that may pass, and says so', async () => {
    const failed = await stop({
      kind: 'provider',
      message: 'OpenAI is rate limiting requests',
      retryable: true,
    })

    expect(failed).toMatchObject({
      status: 'failed',
      can_resume: true,
      error_message: 'OpenAI is rate limiting requests; resume the job to try again',
    })
  })

  it('offers no resume for a failure the writer must fix first, nor mentions one', async () => {
    const message = 'The API key for OpenAI was refused; check it in Settings'
    const failed = await stop({ kind: 'provider', message, retryable: false })

    expect(failed).toMatchObject({ status: 'failed', can_resume: false, error_message: message })
  })

  it('keeps a budget stop resumable with its own message', async () => {
    const message =
      'The job budget of $1.00 would be exceeded by the next call; raise the budget and resume'
    const failed = await stop({ kind: 'budget', message, retryable: false })

    expect(failed).toMatchObject({ can_resume: true, error_message: message })
  })
})
