import { and, count, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Page, PageQuery } from '@shared/contracts/common'
import type { Project, ProjectCreate, ProjectUpdate } from '@shared/contracts/projects'
import type { Database } from '../db/open-database'
import { generationJobs, projects } from '../db/schema'
import { AppError } from '../errors/app-error'
import { offsetOf, toPage } from '../http/pagination'
import { hasProse, refundQuota, settleQuota } from '../jobs/quota'

type ProjectRow = typeof projects.$inferSelect

/** What deleting a project needs from the scheduler, so it never imports it. */
export interface ProjectJobControl {
  /** The jobs are gone from the database: stop their workers and record nothing more. */
  abandonJobs(jobIds: string[]): void
}

/** A writer's projects; every query is scoped to the owner, so others' projects are 404. */
export class ProjectsService {
  constructor(
    private readonly db: Database,
    private readonly control?: ProjectJobControl,
  ) {}

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

  /**
   * Deletes the project; the database cascades to its jobs, narratives and versions. Its
   * unfinished jobs are settled first, in the same transaction, as a cancellation would be: one
   * without prose gives its generation back, one with prose is charged what it cost so far.
   * Running ones are then stopped.
   */
  async remove(userId: string, id: string): Promise<void> {
    const running = await this.db.transaction(async (tx) => {
      // Locked, so the scheduler cannot claim them while the project goes.
      const unfinished = await tx
        .select()
        .from(generationJobs)
        .where(
          and(
            eq(generationJobs.projectId, id),
            eq(generationJobs.userId, userId),
            inArray(generationJobs.status, ['queued', 'running']),
          ),
        )
        .for('update')
      for (const job of unfinished) {
        if (await hasProse(tx, job.id)) await settleQuota(tx, job, job.actualCostUsd)
        else await refundQuota(tx, job)
      }
      const deleted = await tx
        .delete(projects)
        .where(and(eq(projects.id, id), eq(projects.userId, userId)))
        .returning({ id: projects.id })
      if (deleted.length === 0) throw projectNotFound()
      return unfinished.filter((j) => j.status === 'running').map((j) => j.id)
    })
    if (running.length > 0) this.control?.abandonJobs(running)
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
