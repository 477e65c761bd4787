import { and, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { Page } from '@shared/contracts/common'
import type {
  NarrativeDetail,
  NarrativeListQuery,
  NarrativeSummary,
} from '@shared/contracts/narratives'
import type { Database } from '../db/open-database'
import { narratives, projects } from '../db/schema'
import { AppError } from '../errors/app-error'
import { offsetOf, toPage } from '../http/pagination'

type NarrativeRow = typeof narratives.$inferSelect
const {
  text: _text,
  metadata: _m,
  quality: _q,
  usageByModel: _u,
  ...summaryColumns
} = getTableColumns(narratives)
type SummaryRow = Omit<NarrativeRow, 'text' | 'metadata' | 'quality' | 'usageByModel'>

/** The read side of narratives, plus deletion that keeps project counters true. */
export class NarrativesService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async list(userId: string, query: NarrativeListQuery): Promise<Page<NarrativeSummary>> {
    const filters: SQL[] = [eq(narratives.userId, userId)]
    if (query.project_id) filters.push(eq(narratives.projectId, query.project_id))
    if (query.genre) filters.push(eq(narratives.genre, query.genre))
    if (query.form) filters.push(eq(narratives.form, query.form))
    const where = and(...filters)

    const [rows, [totals]] = await Promise.all([
      this.db
        .select(summaryColumns)
        .from(narratives)
        .where(where)
        .orderBy(desc(narratives.createdAt), desc(narratives.id))
        .limit(query.page_size)
        .offset(offsetOf(query)),
      this.db.select({ n: count() }).from(narratives).where(where),
    ])
    return toPage(rows.map(toSummaryDto), totals?.n ?? 0, query)
  }

  /** Returns the narrative and counts the view. */
  async get(userId: string, id: string): Promise<NarrativeDetail> {
    const [row] = await this.db
      .update(narratives)
      .set({ viewCount: sql`${narratives.viewCount} + 1` })
      .where(and(eq(narratives.id, id), eq(narratives.userId, userId)))
      .returning()
    if (!row) throw narrativeNotFound()
    return toDetailDto(row)
  }

  async getText(userId: string, id: string): Promise<{ title: string; text: string }> {
    const row = await this.db.query.narratives.findFirst({
      columns: { title: true, text: true },
      where: and(eq(narratives.id, id), eq(narratives.userId, userId)),
    })
    if (!row) throw narrativeNotFound()
    return row
  }

  /** Deletes a narrative and takes its words and cost off the project's counters. */
  async remove(userId: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .delete(narratives)
        .where(and(eq(narratives.id, id), eq(narratives.userId, userId)))
        .returning()
      if (!row) throw narrativeNotFound()
      await tx
        .update(projects)
        .set({
          narrativeCount: sql`greatest(${projects.narrativeCount} - 1, 0)`,
          totalWordCount: sql`greatest(${projects.totalWordCount} - ${row.wordCount}, 0)`,
          totalCostUsd: sql`greatest(${projects.totalCostUsd} - ${row.costUsd}, 0)`,
          updatedAt: this.now(),
        })
        .where(eq(projects.id, row.projectId))
    })
  }
}

export function toSummaryDto(row: SummaryRow): NarrativeSummary {
  return {
    id: row.id,
    user_id: row.userId,
    project_id: row.projectId,
    job_id: row.jobId,
    title: row.title,
    form: row.form as NarrativeSummary['form'],
    genre: row.genre as NarrativeSummary['genre'],
    language: row.language as NarrativeSummary['language'],
    word_count: row.wordCount,
    quality_score: row.qualityScore,
    cost_usd: row.costUsd,
    tokens_used: row.tokensUsed,
    version: row.version,
    view_count: row.viewCount,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }
}

export function toDetailDto(row: NarrativeRow): NarrativeDetail {
  return {
    ...toSummaryDto(row),
    text: row.text,
    metadata: row.metadata as Record<string, unknown>,
    quality: row.quality as Record<string, unknown>,
    usage_by_model: row.usageByModel as Record<string, unknown>,
  }
}

export function narrativeNotFound(): AppError {
  return new AppError('not_found', 'Narrative not found')
}
