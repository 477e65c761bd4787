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
