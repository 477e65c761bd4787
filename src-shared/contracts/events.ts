import { z } from 'zod'
import { StageSchema } from './catalog'
import { HealthCheckSchema } from './health'

/**
 * Push events from the core to the writer's window, over IPC in Electron and server-sent
 * events in a browser. Every event names the user it belongs to; transports deliver only a
 * user's own events.
 */
export const PushEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('job.progress'),
    user_id: z.string(),
    job_id: z.string(),
    status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
    stage: StageSchema.nullable(),
    progress: z.number().min(0).max(1),
    cost_usd: z.number(),
    eta_s: z.number().nullable(),
    message: z.string().optional(),
  }),
  z.object({
    type: z.literal('job.stage'),
    user_id: z.string(),
    job_id: z.string(),
    stage: StageSchema,
    state: z.enum(['started', 'completed', 'failed']),
    cost_usd: z.number(),
  }),
  z.object({
    type: z.literal('job.prose'),
    user_id: z.string(),
    job_id: z.string(),
    segment: z.number().int(),
    delta: z.string(),
    /** Replace what is shown for this segment (a retry, a polish or a rewrite begins). */
    reset: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('job.cost'),
    user_id: z.string(),
    job_id: z.string(),
    stage: StageSchema,
    cost_usd: z.number(),
    total_cost_usd: z.number(),
  }),
  z.object({
    type: z.literal('health.changed'),
    /** Health concerns everyone; `*` reaches every signed-in window. */
    user_id: z.literal('*'),
    checks: z.array(HealthCheckSchema),
  }),
])
export type PushEvent = z.infer<typeof PushEventSchema>
export type PushEventType = PushEvent['type']
