import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { and, eq, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../db/open-database'
import { generationJobs } from '../db/schema'

/**
 * Who runs a job. A scheduler writes `<instance>/<worker>` into `worker_id` when it claims a
 * job and refreshes `heartbeat_at` at every worker heartbeat. The instance id is new at every
 * start, so jobs of an earlier run of the same process never pass for this one's.
 *
 * Which running jobs are orphaned, and queued again:
 * - PGlite: the data-folder lock lets only one process open the database, so at start-up
 *   every running job belongs to a process that is gone, however fresh its heartbeat (a
 *   restart within the heartbeat timeout must not leave jobs stuck). `exclusive` says so.
 * - A PostgreSQL queue shared by several instances: a running job may belong to a live
 *   instance, so only jobs of other instances whose heartbeat is missing or older than the
 *   heartbeat timeout are taken back, at start-up and by a sweep while running.
 * - At shutdown an instance queues again only its own jobs.
 */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
}

export function workerIdOf(instanceId: string, workerName: string): string {
  return `${instanceId}/${workerName}`
}

export interface OrphanRule {
  now: Date
  /** This instance: its jobs are never orphans. */
  instanceId: string
  /** Heartbeats older than this are stale. */
  staleBefore: Date
  /** The database has no other user (PGlite): every job not this instance's is orphaned. */
  exclusive: boolean
}

export interface OrphanedJob {
  id: string
  cancelRequested: boolean
}

/**
 * Takes back the running jobs the rule calls orphaned: they are queued again (and resume from
 * their checkpoints), except those the writer had asked to cancel, which are returned for the
 * caller to record as cancelled.
 */
export async function requeueOrphanedJobs(db: Database, rule: OrphanRule): Promise<OrphanedJob[]> {
  const orphaned = and(
    eq(generationJobs.status, 'running'),
    or(isNull(generationJobs.workerId), not(ownedBy(rule.instanceId))),
    rule.exclusive
      ? undefined
      : or(isNull(generationJobs.heartbeatAt), lt(generationJobs.heartbeatAt, rule.staleBefore)),
  )
  const requeued = await db
    .update(generationJobs)
    .set({ status: 'queued', workerId: null, runAfter: null, updatedAt: rule.now })
    .where(and(orphaned, eq(generationJobs.cancelRequested, false)))
    .returning({ id: generationJobs.id })
  const cancelled = await db
    .select({ id: generationJobs.id })
    .from(generationJobs)
    .where(and(orphaned, eq(generationJobs.cancelRequested, true)))
  return [
    ...requeued.map((r) => ({ id: r.id, cancelRequested: false })),
    ...cancelled.map((r) => ({ id: r.id, cancelRequested: true })),
  ]
}

/**
 * Queues this instance's running jobs again at shutdown; they resume from their checkpoints
 * at the next start, and this run does not count as one of their attempts. Jobs the writer
 * asked to cancel are returned instead, to be recorded as cancelled.
 */
export async function requeueOwnJobs(
  db: Database,
  instanceId: string,
  now: Date,
): Promise<{ requeued: number; toCancel: string[] }> {
  const own = and(eq(generationJobs.status, 'running'), ownedBy(instanceId))
  const requeued = await db
    .update(generationJobs)
    .set({
      status: 'queued',
      workerId: null,
      attempts: sql`greatest(${generationJobs.attempts} - 1, 0)`,
      updatedAt: now,
    })
    .where(and(own, eq(generationJobs.cancelRequested, false)))
    .returning({ id: generationJobs.id })
  const toCancel = await db
    .select({ id: generationJobs.id })
    .from(generationJobs)
    .where(and(own, eq(generationJobs.cancelRequested, true)))
  return { requeued: requeued.length, toCancel: toCancel.map((r) => r.id) }
}

/**
 * Records a worker's heartbeat on its job and reads whether the writer asked to cancel it
 * (possibly through another instance). Null when the job is no longer this worker's: it was
 * deleted, finished, or taken back as orphaned.
 */
export async function touchJob(
  db: Database,
  jobId: string,
  workerId: string,
  now: Date,
): Promise<{ cancelRequested: boolean } | null> {
  const [row] = await db
    .update(generationJobs)
    .set({ heartbeatAt: now })
    .where(
      and(
        eq(generationJobs.id, jobId),
        eq(generationJobs.status, 'running'),
        eq(generationJobs.workerId, workerId),
      ),
    )
    .returning({ cancelRequested: generationJobs.cancelRequested })
  return row ?? null
}

function ownedBy(instanceId: string): SQL {
  return sql`starts_with(${generationJobs.workerId}, ${`${instanceId}/`})`
}
