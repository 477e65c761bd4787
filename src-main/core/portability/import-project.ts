import { randomUUID } from 'node:crypto'
import type { Project } from '@shared/contracts/projects'
import type { ProjectArchive } from '@shared/contracts/project-archive'
import { translateDatabaseError } from '../db/database-errors'
import type { Database } from '../db/open-database'
import { generationJobs, narratives, narrativeVersions, projects, usageLedger } from '../db/schema'
import { toProjectDto } from '../projects/projects-service'

type Archive = ProjectArchive
type JobStatus = Archive['jobs'][number]['status']

/** Old id → new id, for the rows other rows point at. */
interface IdMap {
  projectId: string
  jobs: Map<string, string>
  narratives: Map<string, string>
}

/** Rows per INSERT: narratives carry whole novels, so statements stay a modest size. */
const CHUNK = 100
const TERMINAL = new Set<JobStatus>(['completed', 'failed', 'cancelled'])

/**
 * Adds an exported project to the writer's library as a new project: every row gets a new id
 * and every link is rewritten, in one transaction, so a failure leaves nothing behind. Jobs
 * arrive as history: finished ones keep their status, unfinished ones become cancelled, and
 * none reserves quota again.
 */
export async function importProject(
  db: Database,
  userId: string,
  archive: Archive,
): Promise<Project> {
  const ids: IdMap = {
    projectId: randomUUID(),
    jobs: new Map(archive.jobs.map((j) => [j.id, randomUUID()])),
    narratives: new Map(archive.narratives.map((n) => [n.id, randomUUID()])),
  }
  const jobRows = archive.jobs.map((j) => toJobRow(j, userId, ids))
  const narrativeRows = archive.narratives.map((n) => toNarrativeRow(n, userId, ids))
  const versionRows = archive.versions.map((v) => toVersionRow(v, ids))
  const ledgerRows = archive.ledger.map((l) => toLedgerRow(l, userId, ids))

  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(projects)
        .values(toProjectRow(archive, userId, ids))
        .returning()
      await inChunks(jobRows, (part) => tx.insert(generationJobs).values(part))
      await inChunks(narrativeRows, (part) => tx.insert(narratives).values(part))
      await inChunks(versionRows, (part) => tx.insert(narrativeVersions).values(part))
      await inChunks(ledgerRows, (part) => tx.insert(usageLedger).values(part))
      return toProjectDto(row!)
    })
  } catch (error) {
    throw translateDatabaseError(error)
  }
}

function toProjectRow(archive: Archive, userId: string, ids: IdMap): typeof projects.$inferInsert {
  const p = archive.project
  return {
    id: ids.projectId,
    userId,
    name: p.name,
    description: p.description,
    defaultGenre: p.default_genre,
    defaultForm: p.default_form,
    // The counters are recomputed from what arrives rather than trusted from the file.
    narrativeCount: archive.narratives.length,
    totalWordCount: sum(archive.narratives.map((n) => n.word_count)),
    totalCostUsd: sum(archive.narratives.map((n) => n.cost_usd)),
    createdAt: new Date(p.created_at),
  }
}

function toJobRow(
  j: Archive['jobs'][number],
  userId: string,
  ids: IdMap,
): typeof generationJobs.$inferInsert {
  return {
    id: ids.jobs.get(j.id)!,
    userId,
    projectId: ids.projectId,
    status: TERMINAL.has(j.status) ? j.status : 'cancelled',
    brief: j.brief,
    currentStage: j.current_stage,
    completedStages: j.completed_stages,
    progress: j.progress,
    estimatedCostUsd: j.estimated_cost_usd,
    actualCostUsd: j.actual_cost_usd,
    budgetUsd: j.budget_usd,
    tokensIn: j.tokens_in,
    tokensOut: j.tokens_out,
    quotaMonth: j.quota_month,
    quotaState: 'settled',
    errorKind: j.error_kind,
    errorMessage: j.error_message,
    startedAt: toDate(j.started_at),
    completedAt: toDate(j.completed_at),
    createdAt: new Date(j.created_at),
    updatedAt: new Date(j.updated_at),
  }
}

function toNarrativeRow(
  n: Archive['narratives'][number],
  userId: string,
  ids: IdMap,
): typeof narratives.$inferInsert {
  return {
    id: ids.narratives.get(n.id)!,
    userId,
    projectId: ids.projectId,
    jobId: n.job_id === null ? null : (ids.jobs.get(n.job_id) ?? null),
    title: n.title,
    form: n.form,
    genre: n.genre,
    language: n.language,
    text: n.text,
    wordCount: n.word_count,
    metadata: n.metadata,
    quality: n.quality,
    qualityScore: n.quality_score,
    usageByModel: n.usage_by_model,
    costUsd: n.cost_usd,
    tokensUsed: n.tokens_used,
    version: n.version,
    viewCount: n.view_count,
    createdAt: new Date(n.created_at),
    updatedAt: new Date(n.updated_at),
  }
}

function toVersionRow(
  v: Archive['versions'][number],
  ids: IdMap,
): typeof narrativeVersions.$inferInsert {
  return {
    narrativeId: ids.narratives.get(v.narrative_id)!,
    version: v.version,
    title: v.title,
    text: v.text,
    wordCount: v.word_count,
    source: v.source,
    createdAt: new Date(v.created_at),
  }
}

function toLedgerRow(
  l: Archive['ledger'][number],
  userId: string,
  ids: IdMap,
): typeof usageLedger.$inferInsert {
  return {
    userId,
    projectId: ids.projectId,
    jobId: l.job_id === null ? null : (ids.jobs.get(l.job_id) ?? null),
    stage: l.stage,
    provider: l.provider,
    model: l.model,
    tokensIn: l.tokens_in,
    tokensOut: l.tokens_out,
    costUsd: l.cost_usd,
    latencyMs: l.latency_ms,
    workKey: l.work_key,
    createdAt: new Date(l.created_at),
  }
}

async function inChunks<T>(rows: T[], insert: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK))
}

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(value)
}

function sum(values: number[]): number {
  return values.reduce((total, n) => total + n, 0)
}
