import { rmSync } from 'node:fs'
import { and, eq, like } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { call } from '../../testing/api-client'
import { startWriter, submitJob, waitForJob } from '../../testing/engine-harness'
import { createTestCore, makeTestDataDir, type TestCore } from '../../testing/test-core'
import type { ModelCaller } from '../../worker/pipeline/types'
import { generationJobs, jobCheckpoints, usageLedger } from '../db/schema'
import {
  createHeldModels,
  createInProcessSpawner,
  isProseOfSegment,
} from '../workers/worker-test-kit'

const ENV = { OPENAI_API_KEY: 'sk-test', RATE_LIMIT_ENABLED: 'false' }
const dataDirs: string[] = []
const cores: TestCore[] = []

afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
  dataDirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

/** A core whose workers run in this process with fake models, on a folder the test keeps. */
async function engine(models: () => ModelCaller, dataDir = makeTestDataDir()) {
  if (!dataDirs.includes(dataDir)) dataDirs.push(dataDir)
  const kit = createInProcessSpawner(models)
  const core = await createTestCore({ dataDir, spawnWorker: kit.spawn, env: ENV })
  cores.push(core)
  return { core, workers: kit.workers }
}

/** A core without workers on the same folder, to look at what another core left behind. */
async function inspect(dataDir: string) {
  const core = await createTestCore({ dataDir, env: ENV })
  cores.push(core)
  return core
}

async function readJob(core: TestCore, id: string) {
  return (await core.db.query.generationJobs.findFirst({ where: eq(generationJobs.id, id) }))!
}

describe('quitting with a job in flight', () => {
  it('lets the segment being written finish and checkpoint, then queues the job again', async () => {
    const held = createHeldModels(isProseOfSegment(1))
    const { core, workers } = await engine(() => held.models)
    const { token, projectId } = await startWriter(core)
    const heldCall = held.waitForHeld()
    const job = await submitJob(core, token, projectId)
    const prose = await heldCall

    const closing = core.close()
    await vi.waitFor(() => expect(workers[0]!.received).toContainEqual({ type: 'drain' }))
    prose.release()
    await closing

    const after = await inspect(core.dataDir)
    const row = await readJob(after, job.id)
    expect(row).toMatchObject({ status: 'queued', attempts: 0, workerId: null })
    const keys = await after.db
      .select({ key: jobCheckpoints.key })
      .from(jobCheckpoints)
      .where(eq(jobCheckpoints.jobId, job.id))
    expect(keys.map((k) => k.key)).toContain('segment:001')
    expect(keys.map((k) => k.key)).not.toContain('segment:002')
    const paid = await after.db
      .select({ key: usageLedger.workKey })
      .from(usageLedger)
      .where(and(eq(usageLedger.jobId, job.id), like(usageLedger.workKey, 'segment:001%')))
    expect(paid.length).toBeGreaterThan(0)
  })

  it('closes at once when no job is running', async () => {
    const { core, workers } = await engine(() => createHeldModels(() => false).models)
    await vi.waitFor(() => expect(workers).toHaveLength(1))
    await core.close()
    expect(workers[0]!.received).toEqual([{ type: 'shutdown' }])
    expect(workers[0]!.exited).toBe(true)
  })
})

describe('a cancel recorded in the database', () => {
  it('stops a running job at its next heartbeat, wherever it was asked for', async () => {
    const held = createHeldModels(isProseOfSegment(1))
    const { core, workers } = await engine(() => held.models)
    const { token, projectId } = await startWriter(core)
    const heldCall = held.waitForHeld()
    const job = await submitJob(core, token, projectId)
    await heldCall

    // As another instance's API would: only the flag, no message to this one's scheduler.
    await core.db
      .update(generationJobs)
      .set({ cancelRequested: true })
      .where(eq(generationJobs.id, job.id))

    expect(await waitForJob(core, job.id, undefined, 5_000)).toBe('cancelled')
    expect(workers[0]!.received).toContainEqual({ type: 'cancel', jobId: job.id })
  })

  it('stops a job claimed after the cancel landed before any model is called', async () => {
    const dataDir = makeTestDataDir()
    dataDirs.push(dataDir)
    const first = await inspect(dataDir)
    const { token, projectId } = await startWriter(first)
    const job = await submitJob(first, token, projectId)
    // As if the cancel landed between the claim and the start, while no worker held the job.
    await first.db
      .update(generationJobs)
      .set({ cancelRequested: true })
      .where(eq(generationJobs.id, job.id))
    await first.close()

    const held = createHeldModels(() => false)
    const second = await engine(() => held.models, dataDir)
    expect(await waitForJob(second.core, job.id, undefined, 5_000)).toBe('cancelled')
    expect(held.inner.calls).toHaveLength(0)
    const me = await call(second.core, 'GET', '/api/auth/me', { token })
    expect(me.json.monthly_generations_used).toBe(0)
  })
})

describe('deleting a project while its job runs', () => {
  it('stops the worker, gives the generation back and frees the worker for the next job', async () => {
    const held = createHeldModels(isProseOfSegment(1))
    const { core, workers } = await engine(() => held.models)
    const { token, projectId } = await startWriter(core)
    const heldCall = held.waitForHeld()
    const doomed = await submitJob(core, token, projectId)
    await heldCall

    const removed = await call(core, 'DELETE', `/api/projects/${projectId}`, { token })
    expect(removed.status).toBe(204)
    await vi.waitFor(() =>
      expect(workers[0]!.received).toContainEqual({ type: 'cancel', jobId: doomed.id }),
    )
    const me = await call(core, 'GET', '/api/auth/me', { token })
    expect(me.json.monthly_generations_used).toBe(0)

    const other = await call(core, 'POST', '/api/projects', { token, body: { name: 'Next' } })
    const nextCall = held.waitForHeld()
    const next = await submitJob(core, token, other.json.id)
    ;(await nextCall).release()
    expect(await waitForJob(core, next.id, undefined, 10_000)).toBe('completed')
  })
})

async function workersCheck(core: TestCore) {
  const res = await call(core, 'GET', '/api/health/ready')
  return res.json.checks.find((c: { name: string }) => c.name === 'workers')
}

describe('a job whose end cannot be written', () => {
  it('frees its worker and runs again from its checkpoints instead of staying running', async () => {
    const { core } = await engine(() => createHeldModels(() => false).models)
    const { token, projectId } = await startWriter(core)
    // The database refuses the narrative once, as a full disk or a broken index would.
    await core.pg.exec(`
      CREATE FUNCTION refuse_narrative() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'no room for the narrative'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_narrative BEFORE INSERT ON narratives
        FOR EACH ROW EXECUTE FUNCTION refuse_narrative();`)
    const job = await submitJob(core, token, projectId)

    await vi.waitFor(async () => expect((await readJob(core, job.id)).status).toBe('queued'), {
      timeout: 10_000,
    })
    await core.pg.exec('DROP TRIGGER refuse_narrative ON narratives')
    core.clock.advance(60_000) // past the backoff before the next attempt

    expect(await waitForJob(core, job.id, undefined, 10_000)).toBe('completed')
    expect(await readJob(core, job.id)).toMatchObject({ attempts: 2 })
    const story = await call(core, 'GET', `/api/narratives?project_id=${projectId}`, { token })
    expect(story.json.total).toBe(1)
  })
})

describe('the worker concurrency setting', () => {
  it('resizes the pool as soon as it is saved', async () => {
    const { core, workers } = await engine(() => createHeldModels(() => false).models)
    const { token } = await startWriter(core)
    const check = () => workersCheck(core)

    const saved = await call(core, 'PATCH', '/api/settings', {
      token,
      body: { worker_concurrency: 3 },
    })
    expect(saved.status).toBe(200)
    expect((await check()).detail).toMatch(/of 3 alive/)
    await vi.waitFor(async () => expect((await check()).detail).toMatch(/^3 of 3 alive/), {
      timeout: 5_000,
    })

    await call(core, 'PATCH', '/api/settings', { token, body: { worker_concurrency: 1 } })
    await vi.waitFor(() => expect(workers.filter((w) => w.exited)).toHaveLength(2), {
      timeout: 5_000,
    })
    expect((await check()).detail).toMatch(/^1 of 1 alive/)
  })

  it('calls a surplus worker finishing its job after the setting was lowered healthy', async () => {
    const held = createHeldModels(isProseOfSegment(1))
    const { core, workers } = await engine(() => held.models)
    const { token, projectId } = await startWriter(core)
    await call(core, 'PATCH', '/api/settings', { token, body: { worker_concurrency: 2 } })
    await vi.waitFor(() => expect(workers).toHaveLength(2), { timeout: 5_000 })
    await submitJob(core, token, projectId)
    await submitJob(core, token, projectId)
    await vi.waitFor(() => expect(held.held).toHaveLength(2), { timeout: 5_000 })

    await call(core, 'PATCH', '/api/settings', { token, body: { worker_concurrency: 1 } })

    const busy = await workersCheck(core)
    expect(busy.detail).toMatch(/^2 of 1 alive, 2 busy/)
    expect(busy.status).toBe('ok')
    held.held.forEach((c) => c.release())
    await vi.waitFor(() => expect(workers.filter((w) => w.exited)).toHaveLength(1), {
      timeout: 10_000,
    })
  })
})
