import { z } from 'zod'
import { StageSchema } from './catalog'
import { BriefSchema, ModelChoiceSchema, ProviderSchema } from './jobs'
import { PriceSchema } from './settings'

/**
 * Messages between the main process and a generation worker. Both sides parse what they
 * receive with these schemas: a worker is a separate process and its messages are input.
 * The worker never opens the database; the main process writes every checkpoint and ledger row.
 */

export const ProviderConfigSchema = z.object({
  openai: z.object({ apiKey: z.string(), baseURL: z.string().optional() }).optional(),
  anthropic: z.object({ apiKey: z.string(), baseURL: z.string().optional() }).optional(),
  local: z
    .object({ baseURL: z.string(), apiKey: z.string().optional(), model: z.string().optional() })
    .optional(),
  fallback: ProviderSchema.optional(),
})
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>

export const WorkerJobSchema = z.object({
  id: z.string(),
  brief: BriefSchema,
  budgetUsd: z.number(),
  /** What the ledger already holds for this job; the budget counts it. */
  spentUsd: z.number(),
  /** Work already paid for, by checkpoint key (`stage:<stage>`, `segment:<n>`). */
  checkpoints: z.record(z.string(), z.unknown()),
  stageModels: z.record(StageSchema, ModelChoiceSchema),
  prices: z.record(z.string(), PriceSchema),
  providers: ProviderConfigSchema,
})
export type WorkerJob = z.infer<typeof WorkerJobSchema>

/**
 * `drain` is how the app quits with a job in flight: the worker lets the model call in flight
 * finish, reports its usage and the checkpoint it leads to, then stops the job (reporting it
 * as cancelled, which the main process does not record while it stops) and exits. `shutdown`
 * aborts at once.
 */
export const ToWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), job: WorkerJobSchema }),
  z.object({ type: z.literal('cancel'), jobId: z.string() }),
  z.object({ type: z.literal('drain') }),
  z.object({ type: z.literal('shutdown') }),
])
export type ToWorker = z.infer<typeof ToWorkerSchema>

export const WorkerErrorSchema = z.object({
  /** `budget` stops are resumable after raising the budget; `provider` names what to fix. */
  kind: z.enum(['budget', 'provider', 'validation', 'internal', 'cancelled']),
  message: z.string(),
  retryable: z.boolean(),
})
export type WorkerError = z.infer<typeof WorkerErrorSchema>

export const UsageRecordSchema = z.object({
  stage: StageSchema,
  workKey: z.string(),
  provider: ProviderSchema,
  model: z.string(),
  tokensIn: z.number().int().nonnegative(),
  tokensOut: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  latencyMs: z.number().int().nonnegative(),
})
export type UsageRecord = z.infer<typeof UsageRecordSchema>

export const NarrativeResultSchema = z.object({
  title: z.string(),
  text: z.string(),
  wordCount: z.number().int(),
  world: z.unknown(),
  characters: z.unknown(),
  structure: z.unknown(),
  segments: z.array(
    z.object({ number: z.number().int(), title: z.string(), words: z.number().int() }),
  ),
  quality: z.record(z.string(), z.unknown()),
  qualityScore: z.number().nullable(),
})
export type NarrativeResult = z.infer<typeof NarrativeResultSchema>

export const FromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
  z.object({ type: z.literal('heartbeat'), jobId: z.string().nullable() }),
  z.object({
    type: z.literal('log'),
    level: z.enum(['debug', 'info', 'warn', 'error']),
    msg: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({
    type: z.literal('stage'),
    jobId: z.string(),
    stage: StageSchema,
    state: z.enum(['started', 'completed']),
  }),
  z.object({
    type: z.literal('progress'),
    jobId: z.string(),
    stage: StageSchema,
    /** Share of the whole job done, 0 to 1. */
    progress: z.number().min(0).max(1),
    message: z.string().optional(),
  }),
  z.object({
    type: z.literal('prose'),
    jobId: z.string(),
    segment: z.number().int(),
    delta: z.string(),
    /** The first words of a new take of this segment: what was shown for it is replaced. */
    reset: z.boolean().optional(),
  }),
  z.object({ type: z.literal('usage'), jobId: z.string(), usage: UsageRecordSchema }),
  z.object({
    type: z.literal('checkpoint'),
    jobId: z.string(),
    key: z.string(),
    data: z.unknown(),
  }),
  z.object({ type: z.literal('result'), jobId: z.string(), narrative: NarrativeResultSchema }),
  z.object({ type: z.literal('failed'), jobId: z.string(), error: WorkerErrorSchema }),
])
export type FromWorker = z.infer<typeof FromWorkerSchema>
