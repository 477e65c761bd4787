import { and, desc, eq, sql } from 'drizzle-orm'
import type {
  NarrativeDetail,
  NarrativeUpdate,
  NarrativeVersion,
  NarrativeVersionSummary,
} from '@shared/contracts/narratives'
import type { Database, Tx } from '../db/open-database'
import { narratives, narrativeVersions, projects } from '../db/schema'
import { AppError } from '../errors/app-error'
import { countWords } from '@shared/text/count-words'
import { narrativeNotFound, toDetailDto } from './narratives-service'

type VersionRow = typeof narrativeVersions.$inferSelect

/** Editing: every save is a new version, and any version can be viewed and restored. */
export class VersionsService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  /** Saves the editor's text as the next version, unless someone saved since `base_version`. */
  async save(userId: string, id: string, input: NarrativeUpdate): Promise<NarrativeDetail> {
    return this.db.transaction(async (tx) => {
      const current = await lockOwned(tx, userId, id)
      if (current.version !== input.base_version) {
        throw new AppError(
          'conflict',
          `This narrative was saved elsewhere (version ${current.version}); reload it before saving`,
          { details: { current_version: current.version } },
        )
      }
      return this.write(tx, current, input.title ?? current.title, input.text, 'edit')
    })
  }

  async list(userId: string, id: string): Promise<NarrativeVersionSummary[]> {
    await this.assertOwned(userId, id)
    const rows = await this.db
      .select()
      .from(narrativeVersions)
      .where(eq(narrativeVersions.narrativeId, id))
      .orderBy(desc(narrativeVersions.version))
    return rows.map(toSummary)
  }

  async get(userId: string, id: string, version: number): Promise<NarrativeVersion> {
    await this.assertOwned(userId, id)
    const row = await this.db.query.narrativeVersions.findFirst({
      where: and(eq(narrativeVersions.narrativeId, id), eq(narrativeVersions.version, version)),
    })
    if (!row) throw new AppError('not_found', `Version ${version} not found`)
    return { ...toSummary(row), text: row.text }
  }

  /** Restoring writes a new version equal to the old one, so nothing is ever lost. */
  async restore(userId: string, id: string, version: number): Promise<NarrativeDetail> {
    return this.db.transaction(async (tx) => {
      const current = await lockOwned(tx, userId, id)
      const old = await tx.query.narrativeVersions.findFirst({
        where: and(eq(narrativeVersions.narrativeId, id), eq(narrativeVersions.version, version)),
      })
      if (!old) throw new AppError('not_found', `Version ${version} not found`)
      return this.write(tx, current, old.title, old.text, 'restore')
    })
  }

  private async write(
    tx: Tx,
    current: typeof narratives.$inferSelect,
    title: string,
    text: string,
    source: 'edit' | 'restore',
  ): Promise<NarrativeDetail> {
    const now = this.now()
    const wordCount = countWords(text)
    const version = current.version + 1
    await tx
      .insert(narrativeVersions)
      .values({ narrativeId: current.id, version, title, text, wordCount, source, createdAt: now })
    const [row] = await tx
      .update(narratives)
      .set({ title, text, wordCount, version, updatedAt: now })
      .where(eq(narratives.id, current.id))
      .returning()
    await tx
      .update(projects)
      .set({
        totalWordCount: sql`greatest(${projects.totalWordCount} + ${wordCount - current.wordCount}, 0)`,
        updatedAt: now,
      })
      .where(eq(projects.id, current.projectId))
    return toDetailDto(row!)
  }

  private async assertOwned(userId: string, id: string): Promise<void> {
    const row = await this.db.query.narratives.findFirst({
      columns: { id: true },
      where: and(eq(narratives.id, id), eq(narratives.userId, userId)),
    })
    if (!row) throw narrativeNotFound()
  }
}

async function lockOwned(tx: Tx, userId: string, id: string) {
  const [row] = await tx
    .select()
    .from(narratives)
    .where(and(eq(narratives.id, id), eq(narratives.userId, userId)))
    .for('update')
  if (!row) throw narrativeNotFound()
  return row
}

function toSummary(row: VersionRow): NarrativeVersionSummary {
  return {
    version: row.version,
    title: row.title,
    word_count: row.wordCount,
    source: row.source,
    created_at: row.createdAt.toISOString(),
  }
}
