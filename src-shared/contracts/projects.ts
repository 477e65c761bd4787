import { z } from 'zod'
import { FormSchema, GenreSchema } from './catalog'
import { IsoDateSchema, PageQuerySchema } from './common'

const NameSchema = z.string().trim().min(1, 'Give the project a name').max(255)

export const ProjectCreateSchema = z.strictObject({
  name: NameSchema,
  description: z.string().max(5000).nullish(),
  default_genre: GenreSchema.nullish(),
  default_form: FormSchema.nullish(),
})
export type ProjectCreate = z.infer<typeof ProjectCreateSchema>

/** Partial update: only the fields sent change. */
export const ProjectUpdateSchema = ProjectCreateSchema.partial().refine(
  (v) => Object.keys(v).length > 0,
  'Send at least one field to change',
)
export type ProjectUpdate = z.infer<typeof ProjectUpdateSchema>

export const ProjectSchema = z.object({
  id: z.uuid(),
  user_id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  default_genre: GenreSchema.nullable(),
  default_form: FormSchema.nullable(),
  narrative_count: z.number().int(),
  total_word_count: z.number().int(),
  total_cost_usd: z.number(),
  created_at: IsoDateSchema,
  updated_at: IsoDateSchema,
})
export type Project = z.infer<typeof ProjectSchema>

export const ProjectListQuerySchema = PageQuerySchema
