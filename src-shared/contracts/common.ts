import { z } from 'zod'

/** The body of every failed response, over HTTP and IPC alike. */
export const ErrorEnvelopeSchema = z.object({
  detail: z.string(),
  request_id: z.string(),
  error_type: z.string(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string() }))
    .optional()
    .describe('Per-field problems for validation failures'),
})
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>

export const IdParamSchema = z.object({ id: z.uuid() })

/** Query for every paginated collection: pages count from 1, 1–100 items, 20 by default. */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
})
export type PageQuery = z.infer<typeof PageQuerySchema>

/** One list shape for every collection, so clients page everything the same way. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    total_pages: z.number().int(),
  })
}
export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
  total_pages: number
}

export const IsoDateSchema = z.string().describe('ISO 8601 timestamp, UTC')
