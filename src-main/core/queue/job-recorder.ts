import { eq, sql } from 'drizzle-orm'
import type { FromWorker } from '@shared/contracts/worker-protocol'
import type { Database } from '../db/open-database'
import { generationJobs, jobCheckpoints, usageLedger } from '../db/schema'
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

export interface JobRecorderDeps {
  db: Database
  events: EventBus
  log: Logger
  now: () => Date
}

/**
 * The main process's side of a running job: every checkpoint, ledger row and state change a
 * worker reports is written here (the worker never opens the database) and announced on the
 * event bus. Returns true when the message ended the job.
 */
export async function recordWorkerMessage(
  deps: JobRecorderDeps,
  job: RunningJob,
  message: FromWorker,
): Promise<boolean> {
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
      return false
    }
    case 'progress': {
      const row = await updateJob(db, job.id, {
        progress: message.progress,
        currentStage: message.stage,
        heartbeatAt: now(),
      })
      publishProgress(events, row, now(), message.message)
      return false
    }
    case 'prose':
      events.publish({
        type: 'job.prose',
        ...base,
        segment: message.segment,
        delta: message.delta,
        ...(message.reset && { reset: true }),
      })
      return false
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
      return false
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
      return false
    case 'result': {
      const narrativeId = await completeJob(db, job.id, message.narrative, now())
      const row = await loadJob(db, job.id)
      deps.log.info(
        { job: job.id, narrative: narrativeId, cost: row.actualCostUsd },
        'job completed',
      )
      publishProgress(events, row, now())
      return true
    }
    case 'failed': {
      const row = await stopJob(db, job.id, message.error, now())
      deps.log.info(
        { job: job.id, kind: message.error.kind, reason: message.error.message },
        'job stopped',
      )
      publishProgress(events, row, now(), message.error.message)
      return true
    }
    default:
      return false
  }
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
  return row!
}

async function loadJob(db: Database, id: string): Promise<JobRow> {
  return (await db.query.generationJobs.findFirst({ where: eq(generationJobs.id, id) }))!
}
