import { z } from 'zod'
import {
  FORMS,
  FormSchema,
  GenreSchema,
  LanguageSchema,
  PovSchema,
  StageSchema,
  TenseSchema,
} from './catalog'
import { IsoDateSchema, PageQuerySchema } from './common'

export const JOB_STATUS_VALUES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const
export const JobStatusSchema = z.enum(JOB_STATUS_VALUES)
export type JobStatus = z.infer<typeof JobStatusSchema>

export const PROVIDER_VALUES = ['openai', 'anthropic', 'local'] as const
export const ProviderSchema = z.enum(PROVIDER_VALUES)

/** A model for one role; unset fields fall back to the settings' defaults. */
export const ModelChoiceSchema = z.strictObject({
  provider: ProviderSchema,
  model: z.string().trim().min(1).max(200),
})
export type ModelChoice = z.infer<typeof ModelChoiceSchema>

/**
 * The writer's production brief. Every field reaches the prompts that need it; the target
 * length must sit inside the chosen form's range.
 */
export const BriefSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'Give the work a title').max(300),
    form: FormSchema,
    genre: GenreSchema,
    premise: z
      .string()
      .trim()
      .min(10, 'The premise needs at least 10 characters')
      .max(2000, 'Keep the premise under 2000 characters'),
    target_words: z.number().int().positive(),
    tone: z.string().trim().max(200).default(''),
    pov: PovSchema.default('third_limited'),
    tense: TenseSchema.default('past'),
    language: LanguageSchema.default('pl'),
    setting: z.string().trim().max(2000).default(''),
    style_instructions: z.string().trim().max(2000).default(''),
    main_characters: z.number().int().min(1).max(12).default(3),
    budget_usd: z.number().positive().max(10_000).optional(),
    models: z
      .strictObject({ analysis: ModelChoiceSchema.optional(), prose: ModelChoiceSchema.optional() })
      .optional(),
  })
  .superRefine((brief, ctx) => {
    const range = FORMS[brief.form]
    if (brief.target_words < range.minWords || brief.target_words > range.maxWords) {
      ctx.addIssue({
        code: 'custom',
        path: ['target_words'],
        message: `A ${brief.form.replace('_', ' ')} runs ${range.minWords}–${range.maxWords} words`,
      })
    }
  })
export type Brief = z.infer<typeof BriefSchema>
export type BriefInput = z.input<typeof BriefSchema>

/** What a brief would cost with the current models and prices, shown before submitting. */
export const JobEstimateSchema = z.object({
  estimated_cost_usd: z.number(),
  budget_usd: z.number().describe('The job would stop before spending more than this'),
})
export type JobEstimate = z.infer<typeof JobEstimateSchema>

export const JobCreateSchema = z.strictObject({ project_id: z.uuid(), brief: BriefSchema })
export type JobCreate = z.input<typeof JobCreateSchema>

export const JobSchema = z.object({
  id: z.uuid(),
  user_id: z.uuid(),
  project_id: z.uuid(),
  status: JobStatusSchema,
  brief: z.record(z.string(), z.unknown()),
  current_stage: StageSchema.nullable(),
  completed_stages: z.array(StageSchema),
  progress: z.number().describe('0 to 1'),
  estimated_cost_usd: z.number(),
  actual_cost_usd: z.number(),
  budget_usd: z.number(),
  tokens_in: z.number().int(),
  tokens_out: z.number().int(),
  attempts: z.number().int(),
  can_resume: z.boolean(),
  error_kind: z.string().nullable(),
  error_message: z.string().nullable(),
  narrative_id: z.uuid().nullable(),
  started_at: IsoDateSchema.nullable(),
  completed_at: IsoDateSchema.nullable(),
  created_at: IsoDateSchema,
  updated_at: IsoDateSchema,
})
export type Job = z.infer<typeof JobSchema>

export const StageCostSchema = z.object({
  stage: StageSchema,
  cost_usd: z.number(),
  tokens_in: z.number().int(),
  tokens_out: z.number().int(),
  calls: z.number().int(),
})

export const JobStatusResponseSchema = z.object({
  job_id: z.uuid(),
  status: JobStatusSchema,
  current_stage: StageSchema.nullable(),
  completed_stages: z.array(StageSchema),
  progress: z.number(),
  estimated_cost_usd: z.number(),
  actual_cost_usd: z.number(),
  stage_costs: z.array(StageCostSchema),
  eta_s: z.number().nullable().describe('Estimated seconds left, when it can be told'),
  can_resume: z.boolean(),
  error_message: z.string().nullable(),
})
export type JobStatusResponse = z.infer<typeof JobStatusResponseSchema>

/**
 * The prose a job has written so far, read from its checkpoints: for each segment the newest
 * take it holds (rewritten, else polished, else drafted), in story order. A page opened while
 * a job runs starts from this and adds the live `job.prose` deltas on top.
 */
export const JobProseSchema = z.object({
  job_id: z.uuid(),
  segments: z.array(
    z.object({
      segment: z.number().int().describe('Segment number, as in `job.prose` events'),
      text: z.string(),
    }),
  ),
})
export type JobProse = z.infer<typeof JobProseSchema>

export const JobListQuerySchema = PageQuerySchema.extend({
  status: JobStatusSchema.optional(),
  project_id: z.uuid().optional(),
})
export type JobListQuery = z.infer<typeof JobListQuerySchema>

/** Raising the budget is how a job stopped by it continues. */
export const JobResumeSchema = z.strictObject({
  budget_usd: z.number().positive().max(10_000).optional(),
})
