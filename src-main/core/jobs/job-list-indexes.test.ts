import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobListQuery } from '@shared/contracts/jobs'
import { seedJobs } from '../../testing/seed-jobs'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { selectJobPage } from './jobs-service'

let core: TestCore
let writer: { userId: string; projectId: string }

beforeAll(async () => {
  core = await createTestCore()
  writer = await seedJobs(core.pg, 30_000)
}, 120_000)
afterAll(() => core.dispose())

async function indexUsedFor(query: Partial<JobListQuery>): Promise<string[]> {
  const page = selectJobPage(core.db, writer.userId, { page: 1, page_size: 20, ...query }).toSQL()
  const plan = await core.pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${page.sql}`, page.params)
  const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n')
  expect(text, text).not.toMatch(/Seq Scan on generation_jobs/)
  return [...new Set(text.match(/ix_jobs_[a-z_]+/g) ?? [])]
}

describe('the job list queries', () => {
  it('serves a writer’s newest jobs from ix_jobs_user_created', async () => {
    expect(await indexUsedFor({})).toContain('ix_jobs_user_created')
  })

  it('serves a status filter from ix_jobs_user_status', async () => {
    expect(await indexUsedFor({ status: 'failed' })).toContain('ix_jobs_user_status')
  })

  it('queries a project that holds jobs of every status, so no filter is trivially empty', async () => {
    const statuses = await core.pg.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM generation_jobs WHERE project_id = $1 GROUP BY status`,
      [writer.projectId],
    )
    expect(statuses.rows).toHaveLength(5)
    const page = await selectJobPage(core.db, writer.userId, {
      page: 1,
      page_size: 20,
      project_id: writer.projectId,
      status: 'completed',
    })
    expect(page.length).toBeGreaterThan(0)
    expect(page.every((row) => row.job.status === 'completed')).toBe(true)
  })

  it('serves a project filter from ix_jobs_project_status', async () => {
    expect(await indexUsedFor({ project_id: writer.projectId })).toContain('ix_jobs_project_status')
    expect(await indexUsedFor({ project_id: writer.projectId, status: 'completed' })).toContain(
      'ix_jobs_project_status',
    )
  })
})
