import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startWriter, submitJob } from '../../testing/engine-harness'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { generationJobs, users } from '../db/schema'
import { claimNextJob } from './claim'
import { requeueOrphanedJobs, requeueOwnJobs, touchJob, workerIdOf } from './job-ownership'

const HEARTBEAT_TIMEOUT_MS = 20_000
const THIS = 'host-a:100:aaaa1111'
const PEER = 'host-b:200:bbbb2222'

let core: TestCore
beforeAll(async () => {
  core = await createTestCore({ env: { OPENAI_API_KEY: 'sk-test', RATE_LIMIT_ENABLED: 'false' } })
})
afterAll(() => core.dispose())

type JobState = Partial<typeof generationJobs.$inferInsert>
let jobs: Record<string, string>

/** Jobs as several instances would have left them. */
async function leaveJobs(states: Record<string, JobState>): Promise<Record<string, string>> {
  const { token, userId, projectId } = await startWriter(core)
  await core.db.update(users).set({ monthlyGenerationLimit: null }).where(eq(users.id, userId))
  const ids: Record<string, string> = {}
  for (const [name, state] of Object.entries(states)) {
    const job = await submitJob(core, token, projectId)
    if (Object.keys(state).length > 0)
      await core.db.update(generationJobs).set(state).where(eq(generationJobs.id, job.id))
    ids[name] = job.id
  }
  return ids
}

const secondsAgo = (seconds: number) => new Date(core.clock.now().getTime() - seconds * 1000)
const running = (instance: string | null, heartbeatAge: number | null): JobState => ({
  status: 'running',
  attempts: 1,
  workerId: instance && workerIdOf(instance, 'worker-1'),
  heartbeatAt: heartbeatAge === null ? null : secondsAgo(heartbeatAge),
})

async function statuses(): Promise<Record<string, string>> {
  const rows = await core.db
    .select({ id: generationJobs.id, status: generationJobs.status })
    .from(generationJobs)
    .where(inArray(generationJobs.id, Object.values(jobs)))
  const byId = new Map(rows.map((r) => [r.id, r.status]))
  return Object.fromEntries(Object.entries(jobs).map(([name, id]) => [name, byId.get(id)!]))
}

function rule(exclusive: boolean) {
  const now = core.clock.now()
  const staleBefore = new Date(now.getTime() - HEARTBEAT_TIMEOUT_MS)
  return { now, instanceId: THIS, staleBefore, exclusive }
}

beforeEach(async () => {
  await core.db.delete(generationJobs)
  jobs = await leaveJobs({
    peerAlive: running(PEER, 5),
    peerSilent: running(PEER, 60),
    nobody: running(null, null),
    mine: running(THIS, 60),
    peerSilentCancelled: { ...running(PEER, 60), cancelRequested: true },
    waiting: {},
  })
})

describe('jobs left running, on a PostgreSQL queue shared with other instances', () => {
  it('takes back only jobs of other instances whose heartbeat is stale or missing', async () => {
    const orphans = await requeueOrphanedJobs(core.db, rule(false))

    expect(await statuses()).toEqual({
      peerAlive: 'running',
      peerSilent: 'queued',
      nobody: 'queued',
      mine: 'running',
      peerSilentCancelled: 'running',
      waiting: 'queued',
    })
    expect(orphans).toEqual(
      expect.arrayContaining([{ id: jobs.peerSilentCancelled, cancelRequested: true }]),
    )
    expect(orphans).toHaveLength(3)
  })
})

describe('jobs left running, on PGlite owned by this process alone', () => {
  it('takes back every job of another instance, even one whose heartbeat looks fresh', async () => {
    await requeueOrphanedJobs(core.db, rule(true))

    expect(await statuses()).toMatchObject({
      peerAlive: 'queued',
      peerSilent: 'queued',
      nobody: 'queued',
      mine: 'running',
    })
  })
})

describe('shutting down', () => {
  it('queues again only this instance’s jobs, not counting the interrupted attempt', async () => {
    const { requeued } = await requeueOwnJobs(core.db, THIS, core.clock.now())

    expect(requeued).toBe(1)
    expect(await statuses()).toMatchObject({
      peerAlive: 'running',
      peerSilent: 'running',
      mine: 'queued',
    })
    const mine = await core.db.query.generationJobs.findFirst({
      where: eq(generationJobs.id, jobs.mine!),
    })
    expect(mine).toMatchObject({ attempts: 0, workerId: null })
  })
})

describe('a heartbeat', () => {
  it('refreshes the job’s heartbeat and reports a cancel, but only for the worker holding it', async () => {
    const holder = workerIdOf(PEER, 'worker-1')
    await core.db
      .update(generationJobs)
      .set({ cancelRequested: true })
      .where(eq(generationJobs.id, jobs.peerAlive!))

    expect(await touchJob(core.db, jobs.peerAlive!, holder, core.clock.now())).toEqual({
      cancelRequested: true,
    })
    expect(await touchJob(core.db, jobs.peerAlive!, workerIdOf(THIS, 'worker-1'), new Date())).toBe(
      null,
    )
    const row = await core.db.query.generationJobs.findFirst({
      where: eq(generationJobs.id, jobs.peerAlive!),
    })
    expect(row?.heartbeatAt).toEqual(core.clock.now())
  })
})

describe('claiming a resumed job', () => {
  it('marks the run’s start and the progress it starts from, keeping the first start', async () => {
    const firstStart = secondsAgo(86_400)
    await core.db.delete(generationJobs)
    jobs = await leaveJobs({ resumed: { progress: 0.5, startedAt: firstStart, attempts: 0 } })

    const claimed = await claimNextJob(core.db, workerIdOf(THIS, 'worker-1'), core.clock.now())

    expect(claimed).toMatchObject({
      id: jobs.resumed,
      status: 'running',
      startedAt: firstStart,
      runStartedAt: core.clock.now(),
      runStartProgress: 0.5,
    })
  })
})
