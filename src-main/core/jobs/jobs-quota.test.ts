import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BriefInput } from '@shared/contracts/jobs'
import { generationJobs, users } from '../db/schema'
import { call, registerUser } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

const BRIEF: BriefInput = {
  title: 'Latarnik',
  form: 'short_story',
  genre: 'drama',
  premise: 'Stary latarnik czeka na statek, który nie przypłynie.',
  target_words: 3000,
}

let core: TestCore
beforeAll(async () => {
  core = await createTestCore({ env: { OPENAI_API_KEY: 'sk-test', RATE_LIMIT_ENABLED: 'false' } })
})
afterAll(() => core.dispose())

async function writerWithProject() {
  const auth = await registerUser(core)
  const project = await call(core, 'POST', '/api/projects', {
    token: auth.access_token,
    body: { name: 'P' },
  })
  return { token: auth.access_token, userId: auth.user.id, projectId: project.json.id as string }
}

describe('the monthly quota', () => {
  it('grants exactly 5 of 100 concurrent job requests on the free tier', async () => {
    const { token, userId, projectId } = await writerWithProject()
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        call(core, 'POST', '/api/jobs', { token, body: { project_id: projectId, brief: BRIEF } }),
      ),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(statuses.filter((s) => s === 403)).toHaveLength(95)
    expect(results.find((r) => r.status === 403)?.json.error_type).toBe('quota_exceeded')

    const user = await core.db.query.users.findFirst({ where: eq(users.id, userId) })
    expect(user?.generationsUsed).toBe(5)
    const [jobs] = await core.db
      .select({ n: sql<number>`count(*)::int` })
      .from(generationJobs)
      .where(eq(generationJobs.userId, userId))
    expect(jobs?.n).toBe(5)
  })

  it('answers 201 with an estimate from the price table and reserves it', async () => {
    const { token, userId, projectId } = await writerWithProject()
    const res = await call(core, 'POST', '/api/jobs', {
      token,
      body: { project_id: projectId, brief: BRIEF },
    })
    expect(res.status).toBe(201)
    expect(res.json.status).toBe('queued')
    expect(res.json.estimated_cost_usd).toBeGreaterThan(0)
    const user = await core.db.query.users.findFirst({ where: eq(users.id, userId) })
    expect(user?.costUsedUsd).toBeCloseTo(res.json.estimated_cost_usd, 6)
    expect(user?.generationsUsed).toBe(1)
  })

  it('refuses a job whose estimate would pass the monthly cost limit', async () => {
    const { token, userId, projectId } = await writerWithProject()
    await core.db.update(users).set({ costUsedUsd: 9.999 }).where(eq(users.id, userId))
    const res = await call(core, 'POST', '/api/jobs', {
      token,
      body: { project_id: projectId, brief: BRIEF },
    })
    expect(res.status).toBe(403)
    expect(res.json.detail).toMatch(/cost limit/)
  })

  it('lets the enterprise tier through without limits', async () => {
    const { token, userId, projectId } = await writerWithProject()
    await core.db
      .update(users)
      .set({
        tier: 'enterprise',
        monthlyGenerationLimit: null,
        monthlyCostLimitUsd: null,
        generationsUsed: 1000,
      })
      .where(eq(users.id, userId))
    const res = await call(core, 'POST', '/api/jobs', {
      token,
      body: { project_id: projectId, brief: BRIEF },
    })
    expect(res.status).toBe(201)
  })

  it('starts a new month from zero without any reset job', async () => {
    const { token, userId, projectId } = await writerWithProject()
    await core.db
      .update(users)
      .set({ generationsUsed: 5, costUsedUsd: 9.5, usageMonth: '2026-02' })
      .where(eq(users.id, userId))
    const res = await call(core, 'POST', '/api/jobs', {
      token,
      body: { project_id: projectId, brief: BRIEF },
    })
    expect(res.status).toBe(201)
    const user = await core.db.query.users.findFirst({ where: eq(users.id, userId) })
    expect(user?.usageMonth).toBe('2026-03')
    expect(user?.generationsUsed).toBe(1)
  })

  it('gives the generation back when a queued job is cancelled', async () => {
    const { token, userId, projectId } = await writerWithProject()
    const job = await call(core, 'POST', '/api/jobs', {
      token,
      body: { project_id: projectId, brief: BRIEF },
    })
    const pushed: string[] = []
    const unsubscribe = core.events.subscribe(
      (e) => e.type === 'job.progress' && pushed.push(e.status),
    )
    const cancelled = await call(core, 'POST', `/api/jobs/${job.json.id}/cancel`, { token })
    unsubscribe()
    expect(pushed).toEqual(['cancelled'])
    expect(cancelled.status).toBe(200)
    expect(cancelled.json.status).toBe('cancelled')
    const user = await core.db.query.users.findFirst({ where: eq(users.id, userId) })
    expect(user?.generationsUsed).toBe(0)
    expect(user?.costUsedUsd).toBeCloseTo(0, 6)

    const again = await call(core, 'POST', `/api/jobs/${job.json.id}/cancel`, { token })
    expect(again.status).toBe(409)
  })

  it('refuses a target length outside the form’s range, naming the field', async () => {
    const { token, projectId } = await writerWithProject()
    const res = await call(core, 'POST', '/api/jobs', {
      token,
      body: { project_id: projectId, brief: { ...BRIEF, target_words: 90_000 } },
    })
    expect(res.status).toBe(422)
    expect(res.json.errors[0].field).toBe('brief.target_words')
  })
})
