import {
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { generationJobs } from './jobs'
import { projects } from './projects'
import { money, timestamps, users } from './users'

export const narratives = pgTable(
  'narratives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id').references(() => generationJobs.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    form: text('form').notNull(),
    genre: text('genre').notNull(),
    language: text('language').notNull().default('pl'),
    text: text('text').notNull(),
    wordCount: integer('word_count').notNull(),
    metadata: jsonb('metadata').notNull().default({}),
    quality: jsonb('quality').notNull().default({}),
    qualityScore: real('quality_score'),
    usageByModel: jsonb('usage_by_model').notNull().default({}),
    costUsd: money('cost_usd').notNull().default(0),
    tokensUsed: integer('tokens_used').notNull().default(0),
    version: integer('version').notNull().default(1),
    viewCount: integer('view_count').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('ix_narratives_user_created').on(t.userId, t.createdAt),
    index('ix_narratives_project').on(t.projectId),
    index('ix_narratives_user_genre').on(t.userId, t.genre),
    index('ix_narratives_user_form').on(t.userId, t.form),
    unique('uq_narratives_job').on(t.jobId),
  ],
)

/** Every save of a narrative's text; version 1 is what the pipeline produced. */
export const narrativeVersions = pgTable(
  'narrative_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    narrativeId: uuid('narrative_id')
      .notNull()
      .references(() => narratives.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    wordCount: integer('word_count').notNull(),
    source: text('source', { enum: ['generated', 'edit', 'restore'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('uq_narrative_versions').on(t.narrativeId, t.version)],
)

/** One row per model call: the cost ledger behind budgets, usage screens and settlement. */
export const usageLedger = pgTable(
  'usage_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    jobId: uuid('job_id').references(() => generationJobs.id, { onDelete: 'set null' }),
    stage: text('stage').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    tokensIn: integer('tokens_in').notNull(),
    tokensOut: integer('tokens_out').notNull(),
    costUsd: money('cost_usd').notNull(),
    latencyMs: integer('latency_ms').notNull(),
    /** Which checkpointed unit of work this call paid for (stage or segment key). */
    workKey: text('work_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ix_ledger_user_created').on(t.userId, t.createdAt),
    index('ix_ledger_job').on(t.jobId),
  ],
)
