import { z } from 'zod'
import { IsoDateSchema } from './common'

export const CheckStatusSchema = z.enum(['ok', 'degraded', 'down'])
export type CheckStatus = z.infer<typeof CheckStatusSchema>

/** One dependency's health, as the health panel shows it. */
/** What a check found, named so that a client can word it in its own language. */
export const FindingSchema = z.object({
  code: z
    .string()
    .optional()
    .describe('Stable name of what the check found, for clients that word it themselves'),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe('The figures and names the detail mentions, keyed for `code`'),
})

export const HealthCheckSchema = z.object({
  name: z.string().describe('database, migrations, disk, workers, queue, provider:openai, …'),
  status: CheckStatusSchema,
  detail: z.string().describe('What the check found, in English'),
  ...FindingSchema.shape,
  latency_ms: z.number(),
  checked_at: IsoDateSchema,
  /**
   * Whether the app cannot work without it: it colours the status dot. Readiness needs every
   * check ok, critical or not.
   */
  critical: z.boolean(),
})
export type HealthCheck = z.infer<typeof HealthCheckSchema>

export const LivenessSchema = z.object({
  status: z.literal('alive'),
  version: z.string(),
  uptime_s: z.number(),
  mode: z.enum(['desktop', 'browser', 'server']),
  timestamp: IsoDateSchema,
})
export type Liveness = z.infer<typeof LivenessSchema>

export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  version: z.string(),
  timestamp: IsoDateSchema,
  checks: z.array(HealthCheckSchema),
})
export type Readiness = z.infer<typeof ReadinessSchema>
