import { OpenAPIHono } from '@hono/zod-openapi'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectArchiveSchema } from '@shared/contracts/project-archive'
import { registerUser } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { loadUser } from '../users/users-service'
import { generationJobs, narratives, narrativeVersions, projects, usageLedger } from '../db/schema'
import type { AppEnv } from '../http/context'
import { handleError } from '../http/error-handler'
import { requestId } from '../http/request-id'
import { validationHook } from '../http/validation-hook'
import { createSilentLogger } from '../logging/logger'
import { portabilityRoutes } from './portability-routes'

let core: TestCore
let owner: string
let other: string
let projectId: string

beforeAll(async () => {
  // Project files are bigger than ordinary requests; imports have their own, larger limit.
  core = await createTestCore({ env: { MAX_BODY_BYTES: '1024' } })
  owner = (await registerUser(core)).user.id
  other = (await registerUser(core)).user.id
  projectId = await seedProject(core, owner)
})
afterAll(() => core.dispose())

/** The routes behind a stand-in for requireAuth that signs in as `userId`. */
async function send(userId: string, method: string, path: string, body?: unknown) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.onError(handleError)
  app.use('*', requestId(createSilentLogger()))
  app.use('*', async (c, next) => {
    c.set('user', { id: userId, tier: 'free', row: await loadUser(core.db, userId, new Date()) })
    await next()
  })
  app.route('/api', portabilityRoutes({ db: core.db, now: core.clock.now }))
  const res = await app.request(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, json: (await res.json()) as any }
}

describe('project export and import', () => {
  it('exports a project and imports it for another writer with new ids and the same content', async () => {
    const exported = await send(owner, 'GET', `/api/projects/${projectId}/export`)
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="zodziejka-saga.narraforge.json"',
    )
    const archive = ProjectArchiveSchema.parse(exported.json)
    expect(archive).toMatchObject({ format: 'narraforge.project', version: 1 })
    expect([
      archive.narratives.length,
      archive.versions.length,
      archive.jobs.length,
      archive.ledger.length,
    ]).toEqual([2, 3, 2, 3])

    expect(JSON.stringify(exported.json).length).toBeGreaterThan(1024)
    const imported = await send(other, 'POST', '/api/projects/import', exported.json)

    expect(imported.status).toBe(201)
    const copy = imported.json
    expect(copy).toMatchObject({
      user_id: other,
      name: 'Zodziejka saga',
      narrative_count: 2,
      total_word_count: 7,
    })
    expect(copy.id).not.toBe(projectId)
    const again = ProjectArchiveSchema.parse(
      (await send(other, 'GET', `/api/projects/${copy.id}/export`)).json,
    )
    const sorted = (values: unknown[]) => values.map((v) => JSON.stringify(v)).sort()
    expect(sorted(again.narratives.map((n) => n.text))).toEqual(
      sorted(archive.narratives.map((n) => n.text)),
    )
    expect(sorted(again.versions.map((v) => [v.version, v.text]))).toEqual(
      sorted(archive.versions.map((v) => [v.version, v.text])),
    )
    expect(sorted(again.ledger.map((l) => l.cost_usd))).toEqual(
      sorted(archive.ledger.map((l) => l.cost_usd)),
    )
    expect(sorted(again.jobs.map((j) => j.status))).toEqual(sorted(['completed', 'cancelled']))

    const oldIds = new Set([...archive.narratives, ...archive.jobs].map((r) => r.id))
    expect([...again.narratives, ...again.jobs].some((r) => oldIds.has(r.id))).toBe(false)
    const linked = again.narratives.find((n) => n.job_id !== null)!
    expect(again.jobs.map((j) => j.id)).toContain(linked.job_id)
    const [mine] = await core.db
      .select({ n: count() })
      .from(narratives)
      .where(eq(narratives.userId, other))
    expect(mine!.n).toBe(2)
  })

  it('answers 404 for a project of another writer', async () => {
    const res = await send(other, 'GET', `/api/projects/${projectId}/export`)
    expect(res.status).toBe(404)
  })

  it('refuses a file with broken links or the wrong format and imports nothing', async () => {
    const archive = (await send(owner, 'GET', `/api/projects/${projectId}/export`)).json
    const before = await core.db.select({ n: count() }).from(projects)

    const dangling = structuredClone(archive)
    dangling.versions[0].narrative_id = 'not-in-the-file'
    const refused = await send(owner, 'POST', '/api/projects/import', dangling)
    expect(refused.status).toBe(422)
    expect(refused.json.errors).toContainEqual({
      field: 'versions.0.narrative_id',
      message: 'names a narrative that is not in the file',
    })

    const wrongFormat = await send(owner, 'POST', '/api/projects/import', {
      ...archive,
      version: 2,
    })
    expect(wrongFormat.status).toBe(422)
    expect(await core.db.select({ n: count() }).from(projects)).toEqual(before)
  })
})

/** A project with a finished job and its narrative, a running job, versions and ledger rows. */
async function seedProject(core: TestCore, userId: string): Promise<string> {
  const [project] = await core.db
    .insert(projects)
    .values({
      userId,
      name: 'Zodziejka saga',
      defaultGenre: 'fantasy',
      narrativeCount: 2,
      totalWordCount: 7,
    })
    .returning()
  const brief = {
    title: 'Zodziejka',
    form: 'short_story',
    genre: 'fantasy',
    premise: 'A thief of words.',
  }
  const [done, running] = await core.db
    .insert(generationJobs)
    .values([
      {
        userId,
        projectId: project!.id,
        status: 'completed',
        brief,
        quotaMonth: '2026-03',
        progress: 1,
        quotaState: 'settled',
      },
      {
        userId,
        projectId: project!.id,
        status: 'running',
        brief,
        quotaMonth: '2026-03',
        workerId: 'w1',
      },
    ])
    .returning()
  const [first, second] = await core.db
    .insert(narratives)
    .values([
      {
        userId,
        projectId: project!.id,
        jobId: done!.id,
        title: 'Zodziejka',
        form: 'short_story',
        genre: 'fantasy',
        text: 'Było sobie słowo.',
        wordCount: 3,
        costUsd: 0.25,
        version: 2,
      },
      {
        userId,
        projectId: project!.id,
        title: 'Notes',
        form: 'short_story',
        genre: 'fantasy',
        text: 'Ideas for book two',
        wordCount: 4,
      },
    ])
    .returning()
  await core.db.insert(narrativeVersions).values([
    {
      narrativeId: first!.id,
      version: 1,
      title: 'Zodziejka',
      text: 'Było słowo.',
      wordCount: 2,
      source: 'generated',
    },
    {
      narrativeId: first!.id,
      version: 2,
      title: 'Zodziejka',
      text: 'Było sobie słowo.',
      wordCount: 3,
      source: 'edit',
    },
    {
      narrativeId: second!.id,
      version: 1,
      title: 'Notes',
      text: 'Ideas for book two',
      wordCount: 4,
      source: 'edit',
    },
  ])
  const call = {
    userId,
    projectId: project!.id,
    provider: 'openai',
    model: 'gpt-test',
    tokensIn: 10,
    tokensOut: 20,
    latencyMs: 5,
  }
  await core.db.insert(usageLedger).values([
    { ...call, jobId: done!.id, stage: 'brief_interpretation', costUsd: 0.1 },
    {
      ...call,
      jobId: done!.id,
      stage: 'sequential_generation',
      costUsd: 0.15,
      workKey: 'segment:1',
    },
    { ...call, jobId: running!.id, stage: 'brief_interpretation', costUsd: 0.05 },
  ])
  return project!.id
}
