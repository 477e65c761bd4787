import { and, count, desc, eq, sql } from 'drizzle-orm'
import type { Page, PageQuery } from '@shared/contracts/common'
import type { Project, ProjectCreate, ProjectUpdate } from '@shared/contracts/projects'
import type { Database } from '../db/open-database'
import { projects } from '../db/schema'
import { AppError } from '../errors/app-error'
import { offsetOf, toPage } from '../http/pagination'

type ProjectRow = typeof projects.$inferSelect

/** A writer's projects; every query is scoped to the owner, so others' projects are 404. */
export class ProjectsService {
  constructor(private readonly db: Database) {}

  async create(userId: string, input: ProjectCreate): Promise<Project> {
    const [row] = await this.db
      .insert(projects)
      .values({
        userId,
        name: input.name,
        description: input.description ?? null,
        defaultGenre: input.default_genre ?? null,
        defaultForm: input.default_form ?? null,
      })
      .returning()
    return toProjectDto(row!)
  }

  async list(userId: string, query: PageQuery): Promise<Page<Project>> {
    const where = eq(projects.userId, userId)
    const [rows, [totals]] = await Promise.all([
      this.db
        .select()
        .from(projects)
        .where(where)
        .orderBy(desc(projects.createdAt), desc(projects.id))
        .limit(query.page_size)
        .offset(offsetOf(query)),
      this.db.select({ n: count() }).from(projects).where(where),
    ])
    return toPage(rows.map(toProjectDto), totals?.n ?? 0, query)
  }

  async get(userId: string, id: string): Promise<Project> {
    return toProjectDto(await this.findOwned(userId, id))
  }

  async update(userId: string, id: string, input: ProjectUpdate): Promise<Project> {
    const changes: Partial<typeof projects.$inferInsert> = { updatedAt: sql`now()` as never }
    if (input.name !== undefined) changes.name = input.name
    if (input.description !== undefined) changes.description = input.description
    if (input.default_genre !== undefined) changes.defaultGenre = input.default_genre
    if (input.default_form !== undefined) changes.defaultForm = input.default_form

    const [row] = await this.db
      .update(projects)
      .set(changes)
      .where(and(eq(projects.id, id), eq(projects.userId, userId)))
      .returning()
    if (!row) throw projectNotFound()
    return toProjectDto(row)
  }

  /** Deletes the project; the database cascades to its jobs, narratives and versions. */
  async remove(userId: string, id: string): Promise<void> {
    const deleted = await this.db
      .delete(projects)
      .where(and(eq(projects.id, id), eq(projects.userId, userId)))
      .returning({ id: projects.id })
    if (deleted.length === 0) throw projectNotFound()
  }

  async findOwned(userId: string, id: string): Promise<ProjectRow> {
    const row = await this.db.query.projects.findFirst({
      where: and(eq(projects.id, id), eq(projects.userId, userId)),
    })
    if (!row) throw projectNotFound()
    return row
  }
}

export function toProjectDto(row: ProjectRow): Project {
  return {
    id: row.id,
    user_id: row.userId,
    name: row.name,
    description: row.description,
    default_genre: row.defaultGenre as Project['default_genre'],
    default_form: row.defaultForm as Project['default_form'],
    narrative_count: row.narrativeCount,
    total_word_count: row.totalWordCount,
    total_cost_usd: row.totalCostUsd,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }
}

function projectNotFound(): AppError {
  return new AppError('not_found', 'Project not found')
}
