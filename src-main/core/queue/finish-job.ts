import { count, eq, sql } from 'drizzle-orm'
import type { NarrativeResult, WorkerError } from '@shared/contracts/worker-protocol'
import type { Brief } from '@shared/contracts/jobs'
import type { Database } from '../db/open-database'
import {
  generationJobs,
  jobCheckpoints,
  narratives,
  narrativeVersions,
  projects,
  usageLedger,
} from '../db/schema'
import type { JobRow } from '../jobs/job-dto'
import { hasProse, refundQuota, settleQuota } from '../jobs/quota'

/**
 * Writes the finished narrative as version 1, adds it to the project's counters, settles the
 * reserved cost to the actual one and completes the job, all in one transaction.
 */
export async function completeJob(
  db: Database,
  jobId: string,
  result: NarrativeResult,
  now: Date,
): Promise<string> {
  return db.transaction(async (tx) => {
    const job = (await tx.query.generationJobs.findFirst({ where: eq(generationJobs.id, jobId) }))!
    const brief = job.brief as Brief
    const usage = await tx
      .select({
        provider: usageLedger.provider,
        model: usageLedger.model,
        calls: count(),
        tokensIn: sql<number>`sum(${usageLedger.tokensIn})::int`,
        tokensOut: sql<number>`sum(${usageLedger.tokensOut})::int`,
        costUsd: sql<number>`sum(${usageLedger.costUsd})::float8`,
      })
      .from(usageLedger)
      .where(eq(usageLedger.jobId, jobId))
      .groupBy(usageLedger.provider, usageLedger.model)

    const [narrative] = await tx
      .insert(narratives)
      .values({
        userId: job.userId,
        projectId: job.projectId,
        jobId,
        title: result.title,
        form: brief.form,
        genre: brief.genre,
        language: brief.language,
        text: result.text,
        wordCount: result.wordCount,
        metadata: {
          world: result.world,
          characters: result.characters,
          structure: result.structure,
          segments: result.segments,
        },
        quality: result.quality,
        qualityScore: result.qualityScore,
        usageByModel: Object.fromEntries(usage.map((u) => [`${u.provider}:${u.model}`, u])),
        costUsd: job.actualCostUsd,
        tokensUsed: job.tokensIn + job.tokensOut,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: narratives.id })
    await tx.insert(narrativeVersions).values({
      narrativeId: narrative!.id,
      version: 1,
      title: result.title,
      text: result.text,
      wordCount: result.wordCount,
      source: 'generated',
      createdAt: now,
    })
    await tx
      .update(projects)
      .set({
        narrativeCount: sql`${projects.narrativeCount} + 1`,
        totalWordCount: sql`${projects.totalWordCount} + ${result.wordCount}`,
        totalCostUsd: sql`${projects.totalCostUsd} + ${job.actualCostUsd}::numeric`,
        updatedAt: now,
      })
      .where(eq(projects.id, job.projectId))
    await settleQuota(tx, job, job.actualCostUsd)
    await tx
      .update(generationJobs)
      .set({
        status: 'completed',
        progress: 1,
        currentStage: null,
        completedAt: now,
        updatedAt: now,
        workerId: null,
        canResume: false,
      })
      .where(eq(generationJobs.id, jobId))
    return narrative!.id
  })
}

/**
 * Records a stop. A job that wrote no prose gives its generation back (its cost so far stays
 * charged); one stopped by its budget, a cancellation or a provider failure keeps its
 * checkpoints. It can be resumed when there is work to continue from, when the budget
 * stopped it, or when the failure may pass by itself (a rate limit, an outage, lost
 * workers); the message then says so, and only then.
 */
export async function stopJob(
  db: Database,
  jobId: string,
  error: WorkerError,
  now: Date,
): Promise<JobRow> {
  return db.transaction(async (tx) => {
    const [checkpoints] = await tx
      .select({ n: count() })
      .from(jobCheckpoints)
      .where(eq(jobCheckpoints.jobId, jobId))
    const canResume = (checkpoints?.n ?? 0) > 0 || error.kind === 'budget' || error.retryable
    const [job] = await tx
      .update(generationJobs)
      .set({
        status: error.kind === 'cancelled' ? 'cancelled' : 'failed',
        errorKind: error.kind,
        errorMessage: describeStop(error, canResume),
        canResume,
        completedAt: now,
        updatedAt: now,
        workerId: null,
        cancelRequested: false,
      })
      .where(eq(generationJobs.id, jobId))
      .returning()
    // Prose was paid for and keeps the generation. Without prose the generation and the
    // unspent reservation are given back; either way the month is charged the real cost.
    if (await hasProse(tx, jobId)) await settleQuota(tx, job!, job!.actualCostUsd)
    else await refundQuota(tx, job!)
    return job!
  })
}

/** Matches a message that already tells the writer to resume. */
const MENTIONS_RESUME = /\bresum(e|ed|ing)\b/i

/**
 * The stored message: a failure that may pass by itself says the job can be resumed, since
 * the writer is offered the button for it. Every message that already mentions resuming
 * (lost workers, the budget) comes with a resumable stop.
 */
function describeStop(error: WorkerError, canResume: boolean): string {
  if (error.kind === 'cancelled' || error.kind === 'budget') return error.message
  if (canResume && error.retryable && !MENTIONS_RESUME.test(error.message)) {
    return `${error.message}; resume the job to try again`
  }
  return error.message
}
