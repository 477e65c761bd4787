import { and, asc, eq, inArray } from 'drizzle-orm'
import { PROJECT_ARCHIVE_FORMAT, type ProjectArchive } from '@shared/contracts/project-archive'
import type { Database } from '../db/open-database'
import { generationJobs, narratives, narrativeVersions, projects, usageLedger } from '../db/schema'
import { AppError } from '../errors/app-error'

type Archive = ProjectArchive
type JobRow = typeof generationJobs.$inferSelect
type NarrativeRow = typeof narratives.$inferSelect

/**
 * Reads one of the writer's projects, with everything that belongs to it, into the portable
 * archive. Queue bookkeeping (worker, heartbeat, quota reservation) stays behind: it means
 * nothing on another machine.
 */
export async function exportProject(
  db: Database,
  userId: string,
  projectId: string,
  now: Date,
): Promise<Archive> {
  const project = await db.query.projects.findFirst({
    where: and(eq(projects.id, projectId), eq(projects.userId, userId)),
  })
  if (!project) throw new AppError('not_found', 'Project not found')

  const [narrativeRows, jobRows, ledgerRows] = await Promise.all([
    db
      .select()
      .from(narratives)
      .where(eq(narratives.projectId, projectId))
      .orderBy(asc(narratives.createdAt), asc(narratives.id)),
    db
      .select()
      .from(generationJobs)
      .where(eq(generationJobs.projectId, projectId))
      .orderBy(asc(generationJobs.createdAt), asc(generationJobs.id)),
    db
      .select()
      .from(usageLedger)
      .where(eq(usageLedger.projectId, projectId))
      .orderBy(asc(usageLedger.createdAt), asc(usageLedger.id)),
  ])
  const narrativeIds = narrativeRows.map((n) => n.id)
  const versionRows =
    narrativeIds.length === 0
      ? []
      : await db
          .select()
          .from(narrativeVersions)
          .where(inArray(narrativeVersions.narrativeId, narrativeIds))
          .orderBy(asc(narrativeVersions.narrativeId), asc(narrativeVersions.version))

  return {
    format: PROJECT_ARCHIVE_FORMAT,
    version: 1,
    exported_at: now.toISOString(),
    project: {
      id: project.id,
      name: project.name,
      description: project.description,
      default_genre: project.defaultGenre as Archive['project']['default_genre'],
      default_form: project.defaultForm as Archive['project']['default_form'],
      created_at: project.createdAt.toISOString(),
      updated_at: project.updatedAt.toISOString(),
    },
    narratives: narrativeRows.map(toArchiveNarrative),
    versions: versionRows.map((v) => ({
      narrative_id: v.narrativeId,
      version: v.version,
      title: v.title,
      text: v.text,
      word_count: v.wordCount,
      source: v.source,
      created_at: v.createdAt.toISOString(),
    })),
    jobs: jobRows.map(toArchiveJob),
    ledger: ledgerRows.map((l) => ({
      job_id: l.jobId,
      stage: l.stage,
      provider: l.provider,
      model: l.model,
      tokens_in: l.tokensIn,
      tokens_out: l.tokensOut,
      cost_usd: l.costUsd,
      latency_ms: l.latencyMs,
      work_key: l.workKey,
      created_at: l.createdAt.toISOString(),
    })),
  }
}

function toArchiveNarrative(n: NarrativeRow): Archive['narratives'][number] {
  return {
    id: n.id,
    job_id: n.jobId,
    title: n.title,
    form: n.form as Archive['narratives'][number]['form'],
    genre: n.genre as Archive['narratives'][number]['genre'],
    language: n.language as Archive['narratives'][number]['language'],
    text: n.text,
    word_count: n.wordCount,
    metadata: n.metadata as Record<string, unknown>,
    quality: n.quality as Record<string, unknown>,
    quality_score: n.qualityScore,
    usage_by_model: n.usageByModel as Record<string, unknown>,
    cost_usd: n.costUsd,
    tokens_used: n.tokensUsed,
    version: n.version,
    view_count: n.viewCount,
    created_at: n.createdAt.toISOString(),
    updated_at: n.updatedAt.toISOString(),
  }
}

function toArchiveJob(j: JobRow): Archive['jobs'][number] {
  return {
    id: j.id,
    status: j.status,
    brief: j.brief as Record<string, unknown>,
    current_stage: j.currentStage,
    completed_stages: j.completedStages,
    progress: j.progress,
    estimated_cost_usd: j.estimatedCostUsd,
    actual_cost_usd: j.actualCostUsd,
    budget_usd: j.budgetUsd,
    tokens_in: j.tokensIn,
    tokens_out: j.tokensOut,
    quota_month: j.quotaMonth,
    error_kind: j.errorKind,
    error_message: j.errorMessage,
    started_at: j.startedAt?.toISOString() ?? null,
    completed_at: j.completedAt?.toISOString() ?? null,
    created_at: j.createdAt.toISOString(),
    updated_at: j.updatedAt.toISOString(),
  }
}
