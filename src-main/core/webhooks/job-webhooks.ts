import { setTimeout as delay } from 'node:timers/promises'
import { eq } from 'drizzle-orm'
import type { PushEvent } from '@shared/contracts/events'
import type { Database } from '../db/open-database'
import { narratives, users } from '../db/schema'
import type { EventBus } from '../events/event-bus'
import type { Logger } from '../logging/logger'
import { deliverWebhook, webhookSigningKey } from './webhook-delivery'

export interface JobWebhooksOptions {
  db: Database
  events: EventBus
  log: Logger
  now: () => Date
  /** The app's JWT secret; bodies are signed with a key derived from it. */
  secret: string
  /** Defaults to the global fetch. */
  fetch?: typeof fetch
  /** Waits between attempts; defaults to a real timer. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  timeoutMs?: number
}

export interface JobWebhooks {
  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  idle(): Promise<void>
  /** Stops listening, abandons deliveries in flight and waits for them to unwind. */
  stop(): Promise<void>
}

/** What a webhook receiver gets as the JSON body. */
export interface JobWebhookPayload {
  event: 'job.completed' | 'job.failed' | 'job.cancelled'
  job_id: string
  status: 'completed' | 'failed' | 'cancelled'
  cost_usd: number
  message?: string
  narrative_id?: string
  occurred_at: string
}

type ProgressEvent = Extract<PushEvent, { type: 'job.progress' }>
const FINAL_STATUSES = new Set(['completed', 'failed', 'cancelled'])

/**
 * Announces finished, failed and cancelled jobs to the owner's webhook, if they set one. It
 * listens on the event bus, so every way a job ends is covered once; users without a URL cost
 * one indexed lookup. Delivery runs beside the bus and never throws into it.
 */
export function startJobWebhooks(options: JobWebhooksOptions): JobWebhooks {
  const log = options.log.child({ module: 'webhooks' })
  const key = webhookSigningKey(options.secret)
  const stopping = new AbortController()
  const inFlight = new Set<Promise<void>>()
  const deliveryOptions = {
    fetch: options.fetch ?? fetch,
    sleep: options.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal })),
    log,
    signal: stopping.signal,
    timeoutMs: options.timeoutMs,
  }

  const announce = async (event: ProgressEvent): Promise<void> => {
    const url = await findWebhookUrl(options.db, event.user_id)
    if (!url || stopping.signal.aborted) return
    const payload = await buildPayload(options.db, event, options.now())
    const body = JSON.stringify(payload)
    await deliverWebhook({ url, event: payload.event, body, key }, deliveryOptions)
  }

  const unsubscribe = options.events.subscribe((event) => {
    if (event.type !== 'job.progress' || !FINAL_STATUSES.has(event.status)) return
    const task = announce(event)
      .catch((error: unknown) => log.error({ err: error, job: event.job_id }, 'webhook failed'))
      .finally(() => inFlight.delete(task))
    inFlight.add(task)
  })

  const idle = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight)
  }
  return {
    idle,
    async stop() {
      unsubscribe()
      stopping.abort()
      await idle()
    },
  }
}

async function findWebhookUrl(db: Database, userId: string): Promise<string | null> {
  const [row] = await db.select({ url: users.webhookUrl }).from(users).where(eq(users.id, userId))
  return row?.url ?? null
}

async function buildPayload(
  db: Database,
  event: ProgressEvent,
  now: Date,
): Promise<JobWebhookPayload> {
  const status = event.status as JobWebhookPayload['status']
  const payload: JobWebhookPayload = {
    event: `job.${status}`,
    job_id: event.job_id,
    status,
    cost_usd: event.cost_usd,
    occurred_at: now.toISOString(),
  }
  if (event.message) payload.message = event.message
  if (status === 'completed') {
    const [row] = await db
      .select({ id: narratives.id })
      .from(narratives)
      .where(eq(narratives.jobId, event.job_id))
    if (row) payload.narrative_id = row.id
  }
  return payload
}
