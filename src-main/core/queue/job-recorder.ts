import { eq, sql } from 'drizzle-orm'
import type { FromWorker, UsageRecord } from '@shared/contracts/worker-protocol'
import type { Database } from '../db/open-database'
import { generationJobs, jobCheckpoints, usageLedger } from '../db/schema'
import { AppError } from '../errors/app-error'
import type { EventBus } from '../events/event-bus'
import type { JobRow } from '../jobs/job-dto'
import { publishProgress } from '../jobs/job-events'
import type { Logger } from '../logging/logger'
import { completeJob, stopJob } from './finish-job'

export interface RunningJob {
  id: string
  userId: string
  projectId: string
}

/** What a message did: ended the job, or showed that the writer wants it cancelled. */
export interface RecordOutcome {
  finished: boolean
  cancelRequested: boolean
}

export interface JobRecorderDeps {
  db: Database
  events: EventBus
  log: Logger
  now: () => Date
}

const GOING_ON: RecordOutcome = { finished: false, cancelRequested: false }
const FINISHED: RecordOutcome = { finished: true, cancelRequested: false }

/**
 * The main process's side of a running job: every checkpoint, ledger row and state change a
 * worker reports is written here (the worker never opens the database) and announced on the
 * event bus. Throws a `not_found` AppError when the job no longer exists (its project was
 * deleted meanwhile).
 */
export async function recordWorkerMessage(
  deps: JobRecorderDeps,
  job: RunningJob,
  message: FromWorker,
): Promise<RecordOutcome> {
  const { db, events, now } = deps
  const base = { user_id: job.userId, job_id: job.id }
  switch (message.type) {
    case 'stage': {
      const completed = message.state === 'completed'
      const row = await updateJob(db, job.id, {
        currentStage: message.stage,
        ...(completed && {
          completedStages: sql`(SELECT jsonb_agg(DISTINCT s) FROM jsonb_array_elements_text(${generationJobs.completedStages} || ${JSON.stringify([message.stage])}::jsonb) s)`,
        }),
      })
      events.publish({
        type: 'job.stage',
        ...base,
        stage: message.stage,
        state: message.state,
        cost_usd: row.actualCostUsd,
      })
      return GOING_ON
    }
    case 'progress': {
      // A resumed run reports its reused stages from zero again; the bar must not go back.
      const row = await updateJob(db, job.id, {
        progress: sql`greatest(${generationJobs.progress}, ${message.progress})`,
        currentStage: message.stage,
        heartbeatAt: now(),
      })
      publishProgress(events, row, now(), message.message)
      return { finished: false, cancelRequested: row.cancelRequested }
    }
    case 'prose':
      events.publish({
        type: 'job.prose',
        ...base,
        segment: message.segment,
        delta: message.delta,
        ...(message.reset && { reset: true }),
      })
      return GOING_ON
    case 'usage': {
      const u = message.usage
      await db.insert(usageLedger).values({
        userId: job.userId,
        projectId: job.projectId,
        jobId: job.id,
        stage: u.stage,
        provider: u.provider,
        model: u.model,
        tokensIn: u.tokensIn,
        tokensOut: u.tokensOut,
        costUsd: u.costUsd,
        latencyMs: u.latencyMs,
        workKey: u.workKey,
        createdAt: now(),
      })
      const row = await updateJob(db, job.id, {
        actualCostUsd: sql`${generationJobs.actualCostUsd} + ${u.costUsd}::numeric`,
        tokensIn: sql`${generationJobs.tokensIn} + ${u.tokensIn}`,
        tokensOut: sql`${generationJobs.tokensOut} + ${u.tokensOut}`,
      })
      events.publish({
        type: 'job.cost',
        ...base,
        stage: u.stage,
        cost_usd: u.costUsd,
        total_cost_usd: row.actualCostUsd,
      })
      return GOING_ON
    }
    case 'checkpoint':
      await db
        .insert(jobCheckpoints)
        .values({ jobId: job.id, key: message.key, data: message.data ?? null, createdAt: now() })
        .onConflictDoUpdate({
          target: [jobCheckpoints.jobId, jobCheckpoints.key],
          set: { data: message.data ?? null },
        })
      await updateJob(db, job.id, { canResume: true })
      return GOING_ON
    case 'result': {
      const narrativeId = await completeJob(db, job.id, message.narrative, now())
      const row = await loadJob(db, job.id)
      deps.log.info(
        { job: job.id, narrative: narrativeId, cost: row.actualCostUsd },
        'job completed',
      )
      publishProgress(events, row, now())
      return FINISHED
    }
    case 'failed': {
      const row = await stopJob(db, job.id, message.error, now())
      deps.log.info(
        { job: job.id, kind: message.error.kind, reason: message.error.message },
        'job stopped',
      )
      publishProgress(events, row, now(), message.error.message)
      return FINISHED
    }
    default:
      return GOING_ON
  }
}

/**
 * Books a model call of a job that was deleted while it ran: the call was paid for, so the
 * writer's ledger keeps it, tied to no job or project.
 */
export async function recordOrphanUsage(
  deps: JobRecorderDeps,
  job: RunningJob,
  usage: UsageRecord,
): Promise<void> {
  await deps.db.insert(usageLedger).values({
    userId: job.userId,
    projectId: null,
    jobId: null,
    stage: usage.stage,
    provider: usage.provider,
    model: usage.model,
    tokensIn: usage.tokensIn,
    tokensOut: usage.tokensOut,
    costUsd: usage.costUsd,
    latencyMs: usage.latencyMs,
    workKey: usage.workKey,
    createdAt: deps.now(),
  })
}

async function updateJob(
  db: Database,
  id: string,
  changes: Record<string, unknown>,
): Promise<JobRow> {
  const [row] = await db
    .update(generationJobs)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(generationJobs.id, id))
    .returning()
  if (!row) throw jobGone(id)
  return row
}

async function loadJob(db: Database, id: string): Promise<JobRow> {
  const row = await db.query.generationJobs.findFirst({ where: eq(generationJobs.id, id) })
  if (!row) throw jobGone(id)
  return row
}

function jobGone(id: string): AppError {
  return new AppError('not_found', `Job ${id} no longer exists`)
}
