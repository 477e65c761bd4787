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

/** Seconds left, from the pace so far; unknown until a little progress has been made. */
export function estimateSecondsLeft(row: JobRow, now: Date): number | null {
  if (row.status !== 'running' || !row.startedAt || row.progress < 0.02) return null
  const elapsed = (now.getTime() - row.startedAt.getTime()) / 1000
  return Math.max(0, Math.round((elapsed * (1 - row.progress)) / row.progress))
}
