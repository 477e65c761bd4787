import type { Stage } from '@shared/contracts/catalog'
import type { Job } from '@shared/contracts/jobs'
import type { generationJobs } from '../db/schema'

export type JobRow = typeof generationJobs.$inferSelect

export function toJobDto(row: JobRow, narrativeId: string | null): Job {
  return {
    id: row.id,
    user_id: row.userId,
    project_id: row.projectId,
    status: row.status,
    brief: row.brief as Record<string, unknown>,
    current_stage: row.currentStage as Stage | null,
    completed_stages: row.completedStages as Stage[],
    progress: row.progress,
    estimated_cost_usd: row.estimatedCostUsd,
    actual_cost_usd: row.actualCostUsd,
    budget_usd: row.budgetUsd,
    tokens_in: row.tokensIn,
    tokens_out: row.tokensOut,
    attempts: row.attempts,
    can_resume: row.canResume,
    error_kind: row.errorKind,
    error_message: row.errorMessage,
    narrative_id: narrativeId,
    started_at: row.startedAt?.toISOString() ?? null,
    completed_at: row.completedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }
}

/** Progress a run must make before its pace says anything. */
const MIN_RUN_PROGRESS = 0.02

/**
 * Seconds left, from the pace of the current run: the progress made since it was claimed over
 * the time since. A resumed job starts with its earlier work done (reused from checkpoints in
 * moments), so pacing on the first start would count the time it spent failed or queued.
 * Unknown until the run has made a little progress.
 */
export function estimateSecondsLeft(row: JobRow, now: Date): number | null {
  const since = row.runStartedAt ?? row.startedAt
  if (row.status !== 'running' || !since) return null
  const made = row.progress - (row.runStartedAt ? row.runStartProgress : 0)
  if (made < MIN_RUN_PROGRESS) return null
  const elapsed = Math.max(0, (now.getTime() - since.getTime()) / 1000)
  return Math.max(0, Math.round((elapsed * (1 - row.progress)) / made))
}
