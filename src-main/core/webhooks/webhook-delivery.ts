import { createHmac, randomUUID } from 'node:crypto'
import type { Logger } from '../logging/logger'
import { APP_VERSION } from '../version'

export interface DeliveryOptions {
  fetch: typeof fetch
  /** Waits between attempts; tests pass one that returns at once. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  log: Logger
  /** Aborts the attempt in flight and the wait before the next one (shutdown). */
  signal: AbortSignal
  timeoutMs?: number
}

export interface Delivery {
  url: string
  event: string
  body: string
  /** The key from `webhookSigningKey`. */
  key: Buffer
}

export const WEBHOOK_TIMEOUT_MS = 5_000
export const WEBHOOK_ATTEMPTS = 3
/** Waits before the second and third attempts. */
const BACKOFF_MS = [1_000, 4_000]

/**
 * The key webhook bodies are signed with: derived from the app's JWT secret, so the secret
 * itself never signs anything a third party sees, and rotating it rotates this key too.
 */
export function webhookSigningKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('webhook').digest()
}

/** `sha256=<hex>`, the HMAC of the exact body bytes, as `X-NarraForge-Signature` carries it. */
export function signWebhookBody(key: Buffer, body: string): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('hex')}`
}

/**
 * POSTs one signed body, retrying network failures, timeouts and 5xx answers with backoff.
 * Every attempt carries the same `X-NarraForge-Delivery` id so a receiver can drop repeats.
 * Resolves to whether the receiver accepted it; it never throws.
 */
export async function deliverWebhook(
  delivery: Delivery,
  options: DeliveryOptions,
): Promise<boolean> {
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': `NarraForge/${APP_VERSION}`,
    'X-NarraForge-Event': delivery.event,
    'X-NarraForge-Delivery': randomUUID(),
    'X-NarraForge-Signature': signWebhookBody(delivery.key, delivery.body),
  }
  const target = redactUrl(delivery.url)

  for (let attempt = 1; attempt <= WEBHOOK_ATTEMPTS; attempt += 1) {
    if (options.signal.aborted) return false
    const outcome = await attemptOnce(delivery, headers, options)
    if (outcome.ok) return true
    const last = attempt === WEBHOOK_ATTEMPTS || !outcome.retryable || options.signal.aborted
    if (last) {
      options.log.warn(
        { target, event: delivery.event, attempt, reason: outcome.reason },
        'webhook not delivered',
      )
      return false
    }
    options.log.debug(
      { target, attempt, reason: outcome.reason },
      'webhook attempt failed; retrying',
    )
    await options.sleep(BACKOFF_MS[attempt - 1] ?? 4_000, options.signal).catch(() => undefined)
  }
  return false
}

/** Origin and path only: a query string or user info may hold the receiver's token. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return '(invalid URL)'
  }
}

type AttemptOutcome = { ok: true } | { ok: false; retryable: boolean; reason: string }

async function attemptOnce(
  delivery: Delivery,
  headers: Record<string, string>,
  options: DeliveryOptions,
): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS)
  try {
    const res = await options.fetch(delivery.url, {
      method: 'POST',
      headers,
      body: delivery.body,
      // A redirect would turn the POST into a GET elsewhere; receivers must answer directly.
      redirect: 'manual',
      signal: AbortSignal.any([timeout, options.signal]),
    })
    await res.body?.cancel().catch(() => undefined)
    if (res.status >= 200 && res.status < 300) return { ok: true }
    return { ok: false, retryable: res.status >= 500, reason: `HTTP ${res.status}` }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    const reason = timeout.aborted ? 'timed out' : (cause ?? (error as Error).name)
    return { ok: false, retryable: true, reason }
  }
}
