import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { projects } from './projects'
import { money, timestamps, users } from './users'

export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const

/** Generation jobs; the table is also the queue (claimed with FOR UPDATE SKIP LOCKED). */
export const generationJobs = pgTable(
  'generation_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    brief: jsonb('brief').notNull(),
    currentStage: text('current_stage'),
    completedStages: jsonb('completed_stages').$type<string[]>().notNull().default([]),
    progress: real('progress').notNull().default(0),
    estimatedCostUsd: money('estimated_cost_usd').notNull().default(0),
    actualCostUsd: money('actual_cost_usd').notNull().default(0),
    budgetUsd: money('budget_usd').notNull().default(10),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    /** Month the generation was charged to, and what became of the charge. */
    quotaMonth: text('quota_month').notNull(),
    quotaState: text('quota_state', { enum: ['reserved', 'settled', 'refunded'] })
      .notNull()
      .default('reserved'),
    /**
     * What this job has charged to its owner's monthly costs, in all months: the estimate, then
     * the actual cost. Settling moves `quotaMonth` by the difference to the actual cost.
     */
    quotaChargedUsd: money('quota_charged_usd').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    runAfter: timestamp('run_after', { withTimezone: true }),
    workerId: text('worker_id'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    canResume: boolean('can_resume').notNull().default(false),
    errorKind: text('error_kind'),
    errorMessage: text('error_message'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** When the current run was claimed and how far the job was then: time left is paced on it. */
    runStartedAt: timestamp('run_started_at', { withTimezone: true }),
    runStartProgress: real('run_start_progress').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('ix_jobs_user_status').on(t.userId, t.status),
    index('ix_jobs_project_status').on(t.projectId, t.status),
    index('ix_jobs_user_created').on(t.userId, t.createdAt),
    index('ix_jobs_status_created').on(t.status, t.createdAt),
    check(
      'jobs_status_known',
      sql`${t.status} IN ('queued', 'running', 'completed', 'failed', 'cancelled')`,
    ),
  ],
)

/** Work a job has paid for: one row per finished stage or segment, written by the main process. */
export const jobCheckpoints = pgTable(
  'job_checkpoints',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => generationJobs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.key] })],
)
