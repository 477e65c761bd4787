import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../testing/api-client'
import {
  crashCore,
  createEngineCore,
  spawnedWorkers,
  startModelServer,
  startWriter,
  submitJob,
  waitForEvent,
  waitForJob,
} from '../../testing/engine-harness'
import { reply, type ModelServer } from '../../testing/model-server'
import type { TestCore } from '../../testing/test-core'
import { jobCheckpoints, narratives, usageLedger } from '../db/schema'

/** Brief, world, characters, structure and one plan batch come before the first prose call. */
const PLANNING_CALLS = 5

let server: ModelServer
const cores: TestCore[] = []
beforeAll(async () => {
  server = await startModelServer()
})
afterEach(async () => {
  server.reset()
  await Promise.all(cores.splice(0).map((c) => c.dispose()))
})
afterAll(() => server.close())

async function engine(extraEnv: Record<string, string> = {}, dataDir?: string) {
  const core = await createEngineCore(server, 'openai', extraEnv, dataDir)
  cores.push(core)
  return core
}

async function workKeyCounts(core: TestCore, jobId: string): Promise<Map<string, number>> {
  const rows = await core.db
    .select({ key: usageLedger.workKey })
    .from(usageLedger)
    .where(eq(usageLedger.jobId, jobId))
  const counts = new Map<string, number>()
  for (const { key } of rows) counts.set(key!, (counts.get(key!) ?? 0) + 1)
  return counts
}

async function checkpointKeys(core: TestCore, jobId: string): Promise<string[]> {
  const rows = await core.db
    .select({ key: jobCheckpoints.key })
    .from(jobCheckpoints)
    .where(eq(jobCheckpoints.jobId, jobId))
  return rows.map((r) => r.key)
}

/** Ledger rows paid for work that had been checkpointed: the same before and after recovery. */
function paidFor(counts: Map<string, number>, keys: string[]): Record<string, number> {
  const paid: Record<string, number> = {}
  for (const key of keys) {
    for (const [workKey, n] of counts)
      if (workKey === key || workKey.startsWith(`${key}:`)) paid[workKey] = n
  }
  return paid
}

/**
 * Every planned segment reaches the narrative exactly once, in its last form (rewritten, else
 * polished): a segment written twice by a recovery, or lost by one, fails here.
 */
async function expectEverySegmentOnce(core: TestCore, jobId: string): Promise<void> {
  const rows = await core.db.select().from(jobCheckpoints).where(eq(jobCheckpoints.jobId, jobId))
  const saved = new Map(rows.map((r) => [r.key, r.data as { text?: string }]))
  const plan = saved.get('stage:segment_plan') as unknown as { segments: { number: number }[] }
  const narrative = await core.db.query.narratives.findFirst({
    where: eq(narratives.jobId, jobId),
  })
  expect(plan.segments.length).toBeGreaterThan(1)
  for (const { number } of plan.segments) {
    const n = String(number).padStart(3, '0')
    const text = saved.get(`rewrite:${n}`)?.text ?? saved.get(`styled:${n}`)?.text
    expect(text, `segment ${number}`).toBeTruthy()
    expect(narrative!.text.split(text!).length - 1, `segment ${number}`).toBe(1)
  }
}

/** Work keys the ledger paid for more than once; an interrupted attempt is booked apart. */
function repeatedWork(counts: Map<string, number>): string[] {
  return [...counts].filter(([key, n]) => n > 1 && !key.endsWith(':interrupted')).map(([k]) => k)
}

describe('a job survives', () => {
  it('its worker being killed in the middle of a segment', async () => {
    const core = await engine()
    const { token, projectId } = await startWriter(core)
    // Segment 1 (prose and story-state update) goes through; segment 2 stalls mid-stream.
    server.script(
      ...Array.from({ length: PLANNING_CALLS + 2 }, () => reply.auto()),
      reply.stall({ afterChunks: 2 }),
    )
    const job = await submitJob(core, token, projectId)
    await waitForEvent(
      core,
      (e) => e.type === 'job.prose' && e.job_id === job.id && e.segment === 2,
    )

    const before = await checkpointKeys(core, job.id)
    const paidBefore = paidFor(await workKeyCounts(core, job.id), before)
    process.kill(spawnedWorkers.at(-1)!.pid!, 'SIGKILL')

    expect(await waitForJob(core, job.id)).toBe('completed')
    expect(before).toContain('segment:001')
    expect(paidFor(await workKeyCounts(core, job.id), before)).toEqual(paidBefore)
    await expectEverySegmentOnce(core, job.id)
    const done = await call(core, 'GET', `/api/jobs/${job.id}`, { token })
    expect(done.json.attempts).toBe(2)
  })

  it('the whole app crashing in the middle and starting again at once', async () => {
    const first = await engine()
    const { token, projectId } = await startWriter(first)
    server.script(
      ...Array.from({ length: PLANNING_CALLS + 2 }, () => reply.auto()),
      reply.stall({ afterChunks: 2 }),
    )
    const job = await submitJob(first, token, projectId)
    await waitForEvent(
      first,
      (e) => e.type === 'job.prose' && e.job_id === job.id && e.segment === 2,
    )
    const before = await checkpointKeys(first, job.id)
    const paidBefore = paidFor(await workKeyCounts(first, job.id), before)
    // No clean stop: the job is left running, as a crash leaves it, with a fresh heartbeat.
    await crashCore(first)
    cores.splice(cores.indexOf(first), 1)

    // Far inside the heartbeat timeout: the job's heartbeat still looks fresh.
    const second = await engine({ WORKER_HEARTBEAT_TIMEOUT_MS: '300000' }, first.dataDir)
    expect(await waitForJob(second, job.id, undefined, 20_000)).toBe('completed')
    expect(before).toContain('segment:001')
    const after = await workKeyCounts(second, job.id)
    expect(paidFor(after, before)).toEqual(paidBefore)
    expect(repeatedWork(after)).toEqual([])
    await expectEverySegmentOnce(second, job.id)
    // A clean stop would have given the interrupted run back; a crash counts as an attempt.
    const done = await call(second, 'GET', `/api/jobs/${job.id}`, { token })
    expect(done.json.attempts).toBe(2)
    const narratives = await call(second, 'GET', '/api/narratives', { token })
    expect(narratives.json.total).toBe(1)
  })
})

describe('a running job', () => {
  it('stops within 2 seconds of a cancel during streaming', async () => {
    const core = await engine()
    const { token, userId, projectId } = await startWriter(core)
    server.script(
      ...Array.from({ length: PLANNING_CALLS }, () => reply.auto()),
      reply.stall({ afterChunks: 2 }),
    )
    const job = await submitJob(core, token, projectId)
    await waitForEvent(core, (e) => e.type === 'job.prose' && e.job_id === job.id)

    const started = performance.now()
    const cancelled = waitForJob(core, job.id, ['cancelled', 'failed', 'completed'])
    await call(core, 'POST', `/api/jobs/${job.id}/cancel`, { token })
    expect(await cancelled).toBe('cancelled')
    expect(performance.now() - started).toBeLessThan(2_000)
    const me = await call(core, 'GET', '/api/auth/me', { token })
    expect(me.json.id).toBe(userId)
  })

  it('is stopped by its budget before the call that would exceed it, and resumes when raised', async () => {
    const core = await engine()
    const { token, projectId } = await startWriter(core)
    const job = await submitJob(core, token, projectId, {
      title: 'Mały budżet',
      form: 'short_story',
      genre: 'mystery',
      premise: 'Detektyw ma tylko jedną noc, by odnaleźć zaginiony list.',
      target_words: 3000,
      budget_usd: 0.01,
    })
    expect(await waitForJob(core, job.id)).toBe('failed')
    const failed = await call(core, 'GET', `/api/jobs/${job.id}`, { token })
    expect(failed.json.error_kind).toBe('budget')
    expect(failed.json.error_message).toMatch(/budget/i)
    expect(failed.json.actual_cost_usd).toBeLessThanOrEqual(0.01)
    expect(failed.json.can_resume).toBe(true)
    const spent = failed.json.actual_cost_usd

    const resumed = await call(core, 'POST', `/api/jobs/${job.id}/resume`, {
      token,
      body: { budget_usd: 5 },
    })
    expect(resumed.status).toBe(200)
    expect(await waitForJob(core, job.id)).toBe('completed')
    const me = await call(core, 'GET', '/api/auth/me', { token })
    expect(me.json.monthly_generations_used).toBe(1)
    const done = await call(core, 'GET', `/api/jobs/${job.id}`, { token })
    expect(done.json.actual_cost_usd).toBeGreaterThan(spent)
  })
})

describe('provider errors', () => {
  it('retries a 429 after its Retry-After and completes', async () => {
    const core = await engine()
    const { token, projectId } = await startWriter(core)
    server.script(reply.error(429, { retryAfter: '1' }))
    const job = await submitJob(core, token, projectId)
    expect(await waitForJob(core, job.id)).toBe('completed')
    const [refused, retried] = server.requests.filter((r) => r.path.endsWith('/chat/completions'))
    expect(refused && retried).toBeTruthy()
    expect(retried!.receivedAt - refused!.receivedAt).toBeGreaterThanOrEqual(1_000)
  })

  it('fails at once on a 401, saying to check the key, and gives the generation back', async () => {
    const core = await engine()
    const { token, projectId } = await startWriter(core)
    server.script(reply.error(401, { code: 'invalid_api_key' }))
    const job = await submitJob(core, token, projectId)
    expect(await waitForJob(core, job.id)).toBe('failed')
    const failed = await call(core, 'GET', `/api/jobs/${job.id}`, { token })
    expect(failed.json.error_message).toMatch(/key/i)
    expect(server.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1)
    const me = await call(core, 'GET', '/api/auth/me', { token })
    expect(me.json.monthly_generations_used).toBe(0)
  })
})
