import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorEnvelope } from '@shared/contracts/common'
import { AppError, type ErrorKind } from '../errors/app-error'
import type { AppEnv } from './context'

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation',
  429: 'rate_limited',
  503: 'unavailable',
}

/**
 * The one place where failures become responses: `{ detail, request_id, error_type }` with the
 * status of the error's kind. Anything that is not an AppError is logged with its stack and
 * answered with a 500 that reveals nothing internal.
 */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const appError = toAppError(error, c.req.header('content-type'))
  const log = c.get('log')
  if (appError.kind === 'internal' || appError.kind === 'configuration') {
    log?.error({ err: error, path: c.req.path, method: c.req.method }, 'request failed')
  } else {
    log?.debug(
      { kind: appError.kind, detail: appError.message, path: c.req.path },
      'request refused',
    )
  }
  return respondWithError(c, appError)
}

export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  respondWithError(c, new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`))

export function respondWithError(c: Context<AppEnv>, error: AppError): Response {
  const body: ErrorEnvelope = {
    detail: error.kind === 'internal' ? 'Internal server error' : error.message,
    request_id: c.get('requestId') ?? 'unknown',
    error_type: error.kind,
  }
  const fieldErrors = error.details?.errors
  if (Array.isArray(fieldErrors)) body.errors = fieldErrors as ErrorEnvelope['errors']
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value)
  if (error.kind === 'unauthenticated') c.header('WWW-Authenticate', 'Bearer realm="narraforge"')
  return c.json(body, error.status as ContentfulStatusCode)
}

function toAppError(error: unknown, contentType: string | undefined): AppError {
  if (error instanceof AppError) return error
  if (error instanceof HTTPException) {
    const kind = KIND_BY_STATUS[error.status] ?? (error.status >= 500 ? 'internal' : 'bad_request')
    return new AppError(kind, messageOf(error, contentType), { cause: error })
  }
  return new AppError('internal', 'Internal server error', { cause: error })
}

/** Hono's messages, reworded where they would leave the caller guessing what to send. */
function messageOf(error: HTTPException, contentType: string | undefined): string {
  if (error.status === 400 && /JSON/i.test(error.message))
    return 'The request body is not valid JSON'
  if (error.status === 415) {
    const sent = contentType
      ? `a ${contentType.split(';')[0]!.trim()} body`
      : 'a body without a type'
    return `This route does not take ${sent}; send JSON with Content-Type: application/json`
  }
  return error.message || 'Bad request'
}
