import { and, count, desc, eq, inArray, sql, sum, type SQL } from 'drizzle-orm'
import type { Stage } from '@shared/contracts/catalog'
import type { Page } from '@shared/contracts/common'
import type { Brief, Job, JobListQuery, JobStatusResponse } from '@shared/contracts/jobs'
import type { Settings } from '../config/settings-schema'
import type { Database } from '../db/open-database'
import type { EventBus } from '../events/event-bus'
import { publishProgress } from './job-events'
import { generationJobs, jobCheckpoints, narratives, usageLedger } from '../db/schema'
import { AppError } from '../errors/app-error'
import { offsetOf, toPage } from '../http/pagination'
import type { ProjectsService } from '../projects/projects-service'
import { estimateJobCost } from './estimate'
import { estimateSecondsLeft, toJobDto, type JobRow } from './job-dto'
import { carryQuotaIntoMonth, hasProse, refundQuota, retakeQuota, takeQuota } from './quota'
import { priceTableOf, resolveStageModels } from './stage-models'

/** Jobs that stopped and may be queued again from their checkpoints. */
const RESUMABLE_STATUSES: JobRow['status'][] = ['failed', 'cancelled']

/** What the jobs service needs from the scheduler, so it never imports it. */
export interface JobControl {
  /** A job was queued: look for work now rather than at the next tick. */
  wake(): void
  /** Abort a running job's worker; the scheduler records the cancellation. */
  cancelRunning(jobId: string): Promise<void>
}

export interface JobsServiceDeps {
  db: Database
  events: EventBus
  settings: () => Settings
  projects: ProjectsService
  control: JobControl
  now: () => Date
}

/** Generation jobs: creation under the monthly quota, reading, cancelling and resuming. */
export class JobsService {
  constructor(private readonly deps: JobsServiceDeps) {}

  estimate(brief: Brief): { estimated_cost_usd: number; budget_usd: number } {
    const settings = this.deps.settings()
    const models = resolveStageModels(settings, brief)
    if (!models) throw generationUnavailable()
    const prices = priceTableOf(settings)
    return {
      estimated_cost_usd: estimateJobCost(brief, models, prices),
      budget_usd: brief.budget_usd ?? settings.JOB_BUDGET_USD,
    }
  }

  /** Inserts the job and takes the quota in one transaction; no burst can exceed the limit. */
  async create(userId: string, projectId: string, brief: Brief): Promise<Job> {
    await this.deps.projects.findOwned(userId, projectId)
    const { estimated_cost_usd, budget_usd } = this.estimate(brief)
    const now = this.deps.now()

    const row = await this.deps.db.transaction(async (tx) => {
      const month = await takeQuota(tx, userId, estimated_cost_usd, now)
      const [inserted] = await tx
        .insert(generationJobs)
        .values({
          userId,
          projectId,
          brief,
          estimatedCostUsd: estimated_cost_usd,
          quotaChargedUsd: estimated_cost_usd,
          budgetUsd: budget_usd,
          quotaMonth: month,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      return inserted!
    })
    this.deps.control.wake()
    return toJobDto(row, null)
  }

  async list(userId: string, query: JobListQuery): Promise<Page<Job>> {
    const [rows, [totals]] = await Promise.all([
      selectJobPage(this.deps.db, userId, query),
      this.deps.db.select({ n: count() }).from(generationJobs).where(jobListFilter(userId, query)),
    ])
    return toPage(
      rows.map((r) => toJobDto(r.job, r.narrativeId)),
      totals?.n ?? 0,
      query,
    )
  }

  async get(userId: string, id: string): Promise<Job> {
    const [row] = await this.deps.db
      .select({ job: generationJobs, narrativeId: narratives.id })
      .from(generationJobs)
      .leftJoin(narratives, eq(narratives.jobId, generationJobs.id))
      .where(and(eq(generationJobs.id, id), eq(generationJobs.userId, userId)))
    if (!row) throw jobNotFound()
    return toJobDto(row.job, row.narrativeId)
  }

  async status(userId: string, id: string): Promise<JobStatusResponse> {
    const job = await this.findOwned(userId, id)
    const stageCosts = await this.deps.db
      .select({
        stage: usageLedger.stage,
        cost: sum(usageLedger.costUsd).mapWith(Number),
        tokensIn: sum(usageLedger.tokensIn).mapWith(Number),
        tokensOut: sum(usageLedger.tokensOut).mapWith(Number),
        calls: count(),
      })
      .from(usageLedger)
      .where(eq(usageLedger.jobId, id))
      .groupBy(usageLedger.stage)
    return {
      job_id: job.id,
      status: job.status,
      current_stage: job.currentStage as Stage | null,
      completed_stages: job.completedStages as Stage[],
      progress: job.progress,
      estimated_cost_usd: job.estimatedCostUsd,
      actual_cost_usd: job.actualCostUsd,
      stage_costs: stageCosts.map((s) => ({
        stage: s.stage as Stage,
        cost_usd: s.cost,
        tokens_in: s.tokensIn,
        tokens_out: s.tokensOut,
        calls: s.calls,
      })),
      eta_s: estimateSecondsLeft(job, this.deps.now()),
      can_resume: job.canResume,
      error_message: job.errorMessage,
    }
  }

  /** Cancels a queued job at once (giving its generation back) or stops a running one. */
  async cancel(userId: string, id: string): Promise<Job> {
    const job = await this.findOwned(userId, id)
    if (job.status === 'running') {
      await this.deps.db
        .update(generationJobs)
        .set({ cancelRequested: true, updatedAt: this.deps.now() })
        .where(eq(generationJobs.id, id))
      await this.deps.control.cancelRunning(id)
      return this.get(userId, id)
    }
    if (job.status !== 'queued') {
      throw new AppError(
        'conflict',
        `A ${job.status} job cannot be cancelled; only queued or running jobs can`,
      )
    }
    const row = await this.deps.db.transaction(async (tx) => {
      const [cancelled] = await tx
        .update(generationJobs)
        .set({
          status: 'cancelled',
          errorKind: 'cancelled',
          errorMessage: 'Cancelled by the writer',
          completedAt: this.deps.now(),
          updatedAt: this.deps.now(),
          canResume: sql`EXISTS (SELECT 1 FROM ${jobCheckpoints} WHERE ${jobCheckpoints.jobId} = ${id})`,
        })
        .where(and(eq(generationJobs.id, id), eq(generationJobs.status, 'queued')))
        .returning()
      if (!cancelled) throw new AppError('conflict', 'The job started meanwhile; cancel it again')
      if (!(await hasProse(tx, id))) await refundQuota(tx, cancelled)
      return cancelled
    })
    publishProgress(this.deps.events, row, this.deps.now(), 'Cancelled by the writer')
    return this.get(userId, id)
  }

  /**
   * Queues a failed or cancelled job again; it continues from its checkpoints and takes no
   * new generation. A generation that was given back is taken again, and the budget may be
   * raised when it was what stopped the job. The status changes by one conditional UPDATE
   * inside the transaction, before any quota is taken, so of two resumes racing each other
   * exactly one wins and the other is refused without touching the counters.
   */
  async resume(userId: string, id: string, budgetUsd?: number): Promise<Job> {
    const job = await this.findOwned(userId, id)
    if (!RESUMABLE_STATUSES.includes(job.status)) throw notResumable(job.status)
    if (budgetUsd !== undefined && budgetUsd <= job.actualCostUsd) {
      throw new AppError(
        'validation',
        `The budget must be above what the job has spent ($${job.actualCostUsd.toFixed(4)})`,
      )
    }
    const now = this.deps.now()
    await this.deps.db.transaction(async (tx) => {
      const [queued] = await tx
        .update(generationJobs)
        .set({
          status: 'queued',
          attempts: 0,
          runAfter: null,
          cancelRequested: false,
          errorKind: null,
          errorMessage: null,
          completedAt: null,
          ...(budgetUsd !== undefined && { budgetUsd }),
          updatedAt: now,
        })
        .where(and(eq(generationJobs.id, id), inArray(generationJobs.status, RESUMABLE_STATUSES)))
        .returning()
      if (!queued) {
        const current = await tx.query.generationJobs.findFirst({
          where: eq(generationJobs.id, id),
        })
        throw notResumable(current?.status ?? 'gone')
      }
      if (queued.quotaState === 'refunded') await retakeQuota(tx, queued, now)
      else await carryQuotaIntoMonth(tx, queued, now)
    })
    this.deps.control.wake()
    return this.get(userId, id)
  }

  private async findOwned(userId: string, id: string): Promise<JobRow> {
    const row = await this.deps.db.query.generationJobs.findFirst({
      where: and(eq(generationJobs.id, id), eq(generationJobs.userId, userId)),
    })
    if (!row) throw jobNotFound()
    return row
  }
}

/**
 * One page of a user's jobs. Each filter combination is served by a composite index:
 * user → ix_jobs_user_created, user+status → ix_jobs_user_status, project (+status) →
 * ix_jobs_project_status (a test reads EXPLAIN to keep it so).
 */
export function selectJobPage(db: Database, userId: string, query: JobListQuery) {
  return db
    .select({ job: generationJobs, narrativeId: narratives.id })
    .from(generationJobs)
    .leftJoin(narratives, eq(narratives.jobId, generationJobs.id))
    .where(jobListFilter(userId, query))
    .orderBy(desc(generationJobs.createdAt), desc(generationJobs.id))
    .limit(query.page_size)
    .offset(offsetOf(query))
}

function jobListFilter(userId: string, query: JobListQuery): SQL | undefined {
  const filters: SQL[] = [eq(generationJobs.userId, userId)]
  if (query.project_id) filters.push(eq(generationJobs.projectId, query.project_id))
  if (query.status) filters.push(eq(generationJobs.status, query.status))
  return and(...filters)
}

function notResumable(status: string): AppError {
  return new AppError(
    'conflict',
    `Only failed or cancelled jobs can be resumed; this one is ${status}`,
  )
}

function jobNotFound(): AppError {
  return new AppError('not_found', 'Job not found')
}

function generationUnavailable(): AppError {
  return new AppError(
    'unavailable',
    'Generation is unavailable: no AI provider is configured. Add an API key or a local model server in Settings.',
  )
}
