import { ErrorEnvelopeSchema, type ErrorEnvelope } from '@shared/contracts/common'
import type { TransportResponse } from './transport'

export type FieldError = NonNullable<ErrorEnvelope['errors']>[number]

/**
 * Every failed call, whatever the transport: the server's envelope when there is one, or a
 * `network` error when no answer came back at all.
 */
export class ApiError extends Error {
  readonly status: number
  readonly type: string
  readonly requestId: string | null
  readonly fieldErrors: FieldError[]
  /** Seconds from `Retry-After`, on 429 answers. */
  readonly retryAfter: number | null

  constructor(options: {
    status: number
    type: string
    detail: string
    requestId?: string | null
    fieldErrors?: FieldError[]
    retryAfter?: number | null
  }) {
    super(options.detail)
    this.name = 'ApiError'
    this.status = options.status
    this.type = options.type
    this.requestId = options.requestId ?? null
    this.fieldErrors = options.fieldErrors ?? []
    this.retryAfter = options.retryAfter ?? null
  }

  get detail(): string {
    return this.message
  }

  /** The server's message for one field, e.g. `premise` or `brief.premise`. */
  messageFor(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message
  }
}

export function isApiError(error: unknown, type?: string): error is ApiError {
  return error instanceof ApiError && (type === undefined || error.type === type)
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({ status: 0, type: 'network', detail: String(cause) })
  return Object.assign(error, { cause })
}

export async function errorFromResponse(response: TransportResponse): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  const envelope = ErrorEnvelopeSchema.safeParse(parseJson(text))
  const retryAfter = Number(response.headers['retry-after'])
  const common = {
    status: response.status,
    retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  }
  if (!envelope.success) {
    return new ApiError({
      ...common,
      type: typeOfStatus(response.status),
      detail: `HTTP ${response.status}`,
    })
  }
  return new ApiError({
    ...common,
    type: envelope.data.error_type,
    detail: envelope.data.detail,
    requestId: envelope.data.request_id,
    fieldErrors: envelope.data.errors,
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function typeOfStatus(status: number): string {
  if (status === 401) return 'unauthenticated'
  if (status === 404) return 'not_found'
  if (status === 429) return 'rate_limited'
  return status >= 500 ? 'internal' : 'bad_request'
}
