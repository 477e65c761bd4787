import type { Core } from '../core/create-core'
import { selectJobPage } from '../core/jobs/jobs-service'
import { seedJobs } from '../testing/seed-jobs'
import { formatTiming, timeCalls } from './measure'

const JOB_INDEXES = [
  'ix_jobs_user_status',
  'ix_jobs_project_status',
  'ix_jobs_user_created',
  'ix_jobs_status_created',
]

/** The job-list queries at 100,000 jobs, with the composite indexes and without them. */
export async function benchJobList(core: Core, print: (line: string) => void): Promise<void> {
  const started = performance.now()
  const writer = await seedJobs(core.pg, 100_000)
  print(
    `seeded 100,000 jobs over 100 writers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )

  const variants = {
    'newest jobs of a writer': {},
    'a writer’s failed jobs': { status: 'failed' as const },
    'a project’s jobs': { project_id: writer.projectId },
  }
  const run = async (label: string) => {
    for (const [name, filter] of Object.entries(variants)) {
      const timing = await timeCalls(
        () => selectJobPage(core.db, writer.userId, { page: 1, page_size: 20, ...filter }),
        200,
        20,
      )
      print(formatTiming(`${name} (${label})`, timing))
    }
  }
  await run('with indexes')
  const definitions = await core.pg.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE indexname = ANY($1)`,
    [JOB_INDEXES],
  )
  await core.pg.exec(JOB_INDEXES.map((i) => `DROP INDEX ${i};`).join('\n'))
  await run('without indexes')
  for (const { indexdef } of definitions.rows) await core.pg.exec(indexdef)
}
