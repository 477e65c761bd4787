/**
 * The one error type of NarraForge. A `kind` says what went wrong in terms the caller can act
 * on; `toStatus` maps it to HTTP in one place, so routes never pick status codes for failures.
 */
export type ErrorKind =
  | 'bad_request'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'quota_exceeded'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'provider'
  | 'configuration'
  | 'internal'

export interface AppErrorOptions {
  cause?: unknown
  /** Extra machine-readable facts for the envelope (for example the field that failed). */
  details?: Record<string, unknown>
  /** Response headers that belong to this failure, such as `Retry-After`. */
  headers?: Record<string, string>
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  bad_request: 400,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  quota_exceeded: 403,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  provider: 502,
  configuration: 500,
  internal: 500,
}

export class AppError extends Error {
  readonly kind: ErrorKind
  readonly details?: Record<string, unknown>
  readonly headers?: Record<string, string>

  constructor(kind: ErrorKind, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause })
    this.name = 'AppError'
    this.kind = kind
    this.details = options.details
    this.headers = options.headers
  }

  get status(): number {
    return STATUS_BY_KIND[this.kind]
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
