import { z } from 'zod'

export const UsageQuerySchema = z.object({
  from: z.iso.date().optional().describe('First day, YYYY-MM-DD (UTC); default 30 days ago'),
  to: z.iso.date().optional().describe('Last day, YYYY-MM-DD (UTC); default today'),
})
export type UsageQuery = z.infer<typeof UsageQuerySchema>

const UsageRowSchema = z.object({
  cost_usd: z.number(),
  tokens_in: z.number().int(),
  tokens_out: z.number().int(),
  calls: z.number().int(),
})

/** The cost ledger summed three ways, for the usage screen. */
export const UsageSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  total: UsageRowSchema,
  by_day: z.array(UsageRowSchema.extend({ day: z.string() })),
  by_model: z.array(UsageRowSchema.extend({ provider: z.string(), model: z.string() })),
  by_stage: z.array(UsageRowSchema.extend({ stage: z.string() })),
})
export type UsageSummary = z.infer<typeof UsageSummarySchema>
