import { z } from 'zod'
import { FormSchema, GenreSchema, LanguageSchema } from './catalog'
import { IsoDateSchema, PageQuerySchema } from './common'

export const NarrativeListQuerySchema = PageQuerySchema.extend({
  project_id: z.uuid().optional(),
  genre: GenreSchema.optional(),
  form: FormSchema.optional(),
})
export type NarrativeListQuery = z.infer<typeof NarrativeListQuerySchema>

export const NarrativeSummarySchema = z.object({
  id: z.uuid(),
  user_id: z.uuid(),
  project_id: z.uuid(),
  job_id: z.uuid().nullable(),
  title: z.string(),
  form: FormSchema,
  genre: GenreSchema,
  language: LanguageSchema,
  word_count: z.number().int(),
  quality_score: z.number().nullable(),
  cost_usd: z.number(),
  tokens_used: z.number().int(),
  version: z.number().int().describe('Latest saved version number'),
  view_count: z.number().int(),
  created_at: IsoDateSchema,
  updated_at: IsoDateSchema,
})
export type NarrativeSummary = z.infer<typeof NarrativeSummarySchema>

export const NarrativeDetailSchema = NarrativeSummarySchema.extend({
  text: z.string(),
  metadata: z
    .record(z.string(), z.unknown())
    .describe('World, characters, structure and segments produced by the pipeline'),
  quality: z.record(z.string(), z.unknown()).describe('Coherence and editorial findings'),
  usage_by_model: z.record(z.string(), z.unknown()),
})
export type NarrativeDetail = z.infer<typeof NarrativeDetailSchema>

/** A save from the editor; `base_version` guards against overwriting a newer save. */
export const NarrativeUpdateSchema = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  text: z.string().max(5_000_000, 'The text is over 5 million characters'),
  base_version: z.number().int().positive(),
})
export type NarrativeUpdate = z.infer<typeof NarrativeUpdateSchema>

export const NarrativeVersionSummarySchema = z.object({
  version: z.number().int(),
  title: z.string(),
  word_count: z.number().int(),
  source: z.enum(['generated', 'edit', 'restore']),
  created_at: IsoDateSchema,
})
export type NarrativeVersionSummary = z.infer<typeof NarrativeVersionSummarySchema>

export const NarrativeVersionSchema = NarrativeVersionSummarySchema.extend({ text: z.string() })
export type NarrativeVersion = z.infer<typeof NarrativeVersionSchema>

export const EXPORT_FORMATS = ['md', 'txt', 'docx', 'epub', 'audiobook'] as const
export const ExportFormatSchema = z.enum(EXPORT_FORMATS)
