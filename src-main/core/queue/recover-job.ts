import { and, eq, sql } from 'drizzle-orm'
import type { WorkerError } from '@shared/contracts/worker-protocol'
import type { Database } from '../db/open-database'
import { generationJobs } from '../db/schema'
import type { EventBus } from '../events/event-bus'
import { publishProgress } from '../jobs/job-events'
import type { Logger } from '../logging/logger'
import { stopJob } from './finish-job'
import { requeueOrphanedJobs, requeueOwnJobs, type OrphanRule } from './job-ownership'

export interface RecoverDeps {
  db: Database
  events: EventBus
  log: Logger
  now: () => Date
}

/** Claims per job before it is failed for good (it stays resumable). */
export const MAX_ATTEMPTS = 3

export const CANCELLED_BY_WRITER: WorkerError = {
  kind: 'cancelled',
  message: 'Cancelled by the writer',
  retryable: false,
}

/**
 * A worker holding the job died or went silent: the job is queued again with backoff, failed
 * (resumable) after its last attempt, or cancelled if the writer asked. Nothing happens when
 * the job is no longer this worker's (finished, deleted, or taken back by another instance).
 */
export async function recoverLostJob(
  deps: RecoverDeps,
  jobId: string,
  workerId: string,
  reason: string,
): Promise<void> {
  const { db, now, log } = deps
  const row = await db.query.generationJobs.findFirst({ where: eq(generationJobs.id, jobId) })
  if (!row || row.status !== 'running' || row.workerId !== workerId) return
  if (row.cancelRequested) return cancelJob(deps, jobId)
  if (row.attempts >= MAX_ATTEMPTS) {
    const message = `The worker failed ${row.attempts} times (last: ${reason}); resume the job to try again`
    const stopped = await stopJob(db, jobId, { kind: 'internal', message, retryable: true }, now())
    publishProgress(deps.events, stopped, now())
    return
  }
  const delayMs = 1_000 * 2 ** (row.attempts - 1) * (0.5 + Math.random() / 2)
  await db
    .update(generationJobs)
    .set({
      status: 'queued',
      workerId: null,
      runAfter: new Date(now().getTime() + delayMs),
      updatedAt: now(),
    })
    .where(and(eq(generationJobs.id, jobId), eq(generationJobs.status, 'running')))
  log.warn(
    { job: jobId, attempt: row.attempts, reason, delayMs: Math.round(delayMs) },
    'job queued again after a lost worker',
  )
}

/** Records the writer's cancel of a job no worker is running any more. */
export async function cancelJob(deps: RecoverDeps, jobId: string): Promise<void> {
  const stopped = await stopJob(deps.db, jobId, CANCELLED_BY_WRITER, deps.now())
  publishProgress(deps.events, stopped, deps.now())
}

/** A job that could not be handed to a worker (no provider left, a broken brief) fails. */
export async function failToStart(deps: RecoverDeps, jobId: string, error: unknown) {
  const message = (error as Error).message
  const failure: WorkerError = { kind: 'internal', message, retryable: false }
  const stopped = await stopJob(deps.db, jobId, failure, deps.now())
  publishProgress(deps.events, stopped, deps.now(), message)
}

/**
 * Takes back the jobs of processes that are gone: queued again, or cancelled when the writer
 * had asked. Returns how many were queued.
 */
export async function takeBackOrphans(deps: RecoverDeps, rule: OrphanRule): Promise<number> {
  const orphans = await requeueOrphanedJobs(deps.db, rule)
  for (const orphan of orphans) if (orphan.cancelRequested) await cancelJob(deps, orphan.id)
  return orphans.filter((o) => !o.cancelRequested).length
}

/**
 * At shutdown: this instance's unfinished jobs are queued for the next start, or cancelled
 * when the writer had asked. Returns how many were queued.
 */
export async function releaseOwnJobs(deps: RecoverDeps, instanceId: string): Promise<number> {
  const { requeued, toCancel } = await requeueOwnJobs(deps.db, instanceId, deps.now())
  for (const id of toCancel) await cancelJob(deps, id)
  return requeued
}

/**
 * Gives a claimed job back to the queue untouched, when the worker it was claimed for went
 * away before it could start it (exited, retired by a resize, or the app is quitting).
 */
export async function handBackClaim(db: Database, jobId: string, workerId: string, now: Date) {
  await db
    .update(generationJobs)
    .set({
      status: 'queued',
      workerId: null,
      attempts: sql`greatest(${generationJobs.attempts} - 1, 0)`,
      updatedAt: now,
    })
    .where(
      and(
        eq(generationJobs.id, jobId),
        eq(generationJobs.status, 'running'),
        eq(generationJobs.workerId, workerId),
      ),
    )
}
