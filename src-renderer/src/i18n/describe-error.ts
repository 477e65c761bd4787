import type { TFunction } from 'i18next'
import { isApiError, type ApiError } from '../api/api-error'

/** The catalogue's sentence for each kind of server failure the client cannot word better. */
const SENTENCE_BY_TYPE: Record<string, string> = {
  validation: 'errors.validation',
  bad_request: 'errors.badRequest',
  forbidden: 'errors.forbidden',
  conflict: 'errors.conflict',
  payload_too_large: 'errors.tooLarge',
  unavailable: 'errors.unavailable',
  provider: 'errors.provider',
  configuration: 'errors.configuration',
}

/** One sentence a writer can act on, for any failure the client can meet. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof Error && 'i18nKey' in error && typeof error.i18nKey === 'string') {
    return t(error.i18nKey)
  }
  if (!isApiError(error)) return t('errors.unexpected')
  switch (error.type) {
    case 'network':
      return t('errors.network')
    case 'rate_limited':
      return t('errors.rateLimited', { seconds: error.retryAfter ?? 60 })
    case 'quota_exceeded':
      return t('errors.quota')
    case 'unauthenticated':
      return t('errors.unauthenticated')
    case 'not_found':
      return error.status === 404 && error.detail.startsWith('No route')
        ? t('errors.notAvailable')
        : t('errors.notFound')
    case 'internal':
      return t('errors.internal')
    default:
      return describeRefusal(error, t)
  }
}

/**
 * The server's verdict on one form field, in the catalogue's words: the form names the key
 * that states the field's rule, because the server's own message is English.
 */
export function describeFieldError(
  error: unknown,
  field: string,
  t: TFunction,
  key: string,
  values?: Record<string, string | number>,
): string | undefined {
  if (!isApiError(error) || error.messageFor(field) === undefined) return undefined
  return t(key, values)
}

/**
 * A refusal in the writer's language, then the server's own words: they name what exactly
 * was refused (which file, which state, which setting), which a generic sentence cannot.
 */
function describeRefusal(error: ApiError, t: TFunction): string {
  const message = t(SENTENCE_BY_TYPE[error.type] ?? 'errors.unexpected')
  if (!error.detail) return message
  return t('errors.serverSaid', { message, detail: error.detail })
}
