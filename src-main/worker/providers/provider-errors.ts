import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { AppError, isAppError } from '../../core/errors/app-error'
import type { ProviderName } from './types'

/** What `AppError.details` holds for every provider failure. */
export interface ProviderErrorDetails {
  provider: ProviderName
  /** The HTTP status, or null when no response arrived (network, timeout, stall). */
  status: number | null
  /** True when the same call may succeed later: rate limits, 5xx, timeouts, dropped sockets. */
  retryable: boolean
  /** How long the provider asked us to wait, from `retry-after-ms` or `Retry-After`. */
  retryAfterMs?: number
  /** A stable reason, such as `invalid_api_key`, `insufficient_quota` or `circuit_open`. */
  code?: string
}

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  local: 'the local model server',
}

/** undici's names for a socket that closed or timed out under a request or a stream. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

/**
 * Translates an SDK or network failure into the one `AppError` kind `provider`, with a
 * message that says what to fix. Aborts come back as abort errors (see `isAbortError`), and
 * errors that are neither SDK nor network failures, such as a bug in an `onDelta` callback,
 * are returned unchanged so they are not mistaken for the provider's fault.
 */
export function toProviderError(provider: ProviderName, error: unknown): unknown {
  if (isAppError(error)) return error
  if (isAbortError(error)) return createAbortError(error)
  const label = PROVIDER_LABELS[provider]
  const fail = (message: string, details: Omit<ProviderErrorDetails, 'provider'>) =>
    new AppError('provider', message, { cause: error, details: { provider, ...details } })

  const timedOut =
    error instanceof OpenAI.APIConnectionTimeoutError ||
    error instanceof Anthropic.APIConnectionTimeoutError
  if (timedOut) {
    return fail(`${label} did not answer in time`, {
      status: null,
      retryable: true,
      code: 'timeout',
    })
  }
  if (isNetworkError(error)) {
    return fail(`Could not reach ${label}; the connection failed or was dropped`, {
      status: null,
      retryable: true,
      code: 'connection',
    })
  }
  const status = statusOf(error)
  if (status !== undefined) return describeStatus(label, status, error, fail)
  if (error instanceof OpenAI.OpenAIError || error instanceof Anthropic.AnthropicError) {
    return fail(`${label} failed: ${(error as Error).message}`, { status: null, retryable: false })
  }
  return error
}

/**
 * Like `toProviderError`, for health checks: a ping stopped by `AbortSignal.timeout` means a
 * slow provider, not a cancelled call, so it becomes a retryable timeout.
 */
export function toPingError(provider: ProviderName, error: unknown, signal?: AbortSignal): unknown {
  const reason: unknown = signal?.reason
  if (!isAbortError(error) || !(reason instanceof Error) || reason.name !== 'TimeoutError') {
    return toProviderError(provider, error)
  }
  return new AppError('provider', `${PROVIDER_LABELS[provider]} did not answer in time`, {
    cause: error,
    details: { provider, status: null, retryable: true, code: 'timeout' },
  })
}

/**
 * True for a call stopped by its caller's signal: our own abort error, a DOM `AbortError`
 * or either SDK's `APIUserAbortError`. Aborts are never retried nor reported as failures.
 */
export function isAbortError(error: unknown): boolean {
  return (
    error instanceof OpenAI.APIUserAbortError ||
    error instanceof Anthropic.APIUserAbortError ||
    (error instanceof Error && error.name === 'AbortError')
  )
}

/** The error a cancelled model call rejects with; `isAbortError` recognises it. */
export function createAbortError(cause?: unknown): Error {
  const error = new Error('The model call was cancelled', { cause })
  error.name = 'AbortError'
  return error
}

/**
 * Reads how long to wait before retrying: `retry-after-ms` (milliseconds, sent by both SDKs'
 * APIs), else `Retry-After` as seconds or as an HTTP date relative to `now`.
 */
export function parseRetryAfter(
  headers: Headers | undefined,
  now = Date.now(),
): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN)
  if (Number.isFinite(ms) && ms >= 0) return ms

  const value = headers?.get('retry-after')?.trim()
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function describeStatus(
  label: string,
  status: number,
  error: unknown,
  fail: (message: string, details: Omit<ProviderErrorDetails, 'provider'>) => AppError,
): AppError {
  const said = apiMessageOf(error)
  const code = codeOf(error)
  const final = { status, retryable: false, code }

  if (status === 401) {
    return fail(`The API key for ${label} was refused; check it in Settings`, final)
  }
  if (status === 403) {
    return fail(
      `${label} refused access (${said}); check that the API key in Settings may use this model`,
      final,
    )
  }
  if (status === 404) {
    return fail(
      `${label} does not know this model or address (${said}); check the model name and base URL in Settings`,
      final,
    )
  }
  if (status === 402 || code === 'insufficient_quota') {
    return fail(`The ${label} account has no credit left (${said}); top it up with ${label}`, final)
  }
  if (status === 413) return fail(`The request is too large for ${label}; shorten the input`, final)
  if (status === 429 || status === 408 || status === 409 || status >= 500) {
    const retryAfterMs = parseRetryAfter((error as { headers?: Headers }).headers)
    const what = status === 429 ? 'is rate limiting requests' : `answered ${status} (${said})`
    return fail(`${label} ${what}`, { status, retryable: true, retryAfterMs, code })
  }
  return fail(`${label} rejected the request (${status}: ${said}); check the model settings`, final)
}

function statusOf(error: unknown): number | undefined {
  const isApiError = error instanceof OpenAI.APIError || error instanceof Anthropic.APIError
  const status = isApiError ? (error as { status?: unknown }).status : undefined
  return typeof status === 'number' ? status : undefined
}

function apiMessageOf(error: unknown): string {
  const body = (error as { error?: { message?: unknown; error?: { message?: unknown } } }).error
  const message = body?.message ?? body?.error?.message ?? (error as Error).message
  return String(message).slice(0, 300)
}

function codeOf(error: unknown): string | undefined {
  const { code, errorCode, type } = error as { code?: unknown; errorCode?: unknown; type?: unknown }
  const found = [code, errorCode, type].find((value) => typeof value === 'string')
  return found as string | undefined
}

/** Walks the cause chain: undici reports a dropped stream as `TypeError: terminated`. */
function isNetworkError(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof OpenAI.APIConnectionError) return true
    if (current instanceof Anthropic.APIConnectionError) return true
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true
    if (current instanceof TypeError && current.message === 'terminated') return true
    current = current.cause
  }
  return false
}
