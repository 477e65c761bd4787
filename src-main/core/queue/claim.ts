import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/open-database'
import { generationJobs } from '../db/schema'
import type { JobRow } from '../jobs/job-dto'

/**
 * Claims the oldest runnable queued job. `FOR UPDATE SKIP LOCKED` lets several servers share
 * one PostgreSQL queue without taking the same job; the transaction holds only SQL. The run's
 * start and the progress it starts from are kept apart from `started_at` (the first start), so
 * the time left of a resumed job is paced on this run alone.
 */
export async function claimNextJob(
  db: Database,
  workerId: string,
  now: Date,
): Promise<JobRow | null> {
  const rows = await db.execute<{ id: string }>(sql`
    UPDATE ${generationJobs}
    SET status = 'running',
        attempts = attempts + 1,
        started_at = coalesce(started_at, ${now}),
        run_started_at = ${now},
        run_start_progress = progress,
        heartbeat_at = ${now},
        worker_id = ${workerId},
        updated_at = ${now}
    WHERE id = (
      SELECT id FROM ${generationJobs}
      WHERE status = 'queued' AND (run_after IS NULL OR run_after <= ${now})
      ORDER BY created_at
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING id`)
  const id = rows.rows[0]?.id
  if (!id) return null
  return (await db.query.generationJobs.findFirst({ where: eq(generationJobs.id, id) })) ?? null
}

/** Counts queued jobs and the age of the oldest, for the queue health check. */
export async function readQueueDepth(
  db: Database,
  now: Date,
): Promise<{ depth: number; oldestAgeS: number | null }> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      oldest: sql<Date | null>`min(${generationJobs.createdAt})`,
    })
    .from(generationJobs)
    .where(and(eq(generationJobs.status, 'queued')))
  const oldest = row?.oldest ? new Date(row.oldest) : null
  return {
    depth: row?.n ?? 0,
    oldestAgeS: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
  }
}
