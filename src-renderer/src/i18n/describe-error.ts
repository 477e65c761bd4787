import type { TFunction } from 'i18next'
import { isApiError } from '../api/api-error'

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
      return error.detail
  }
}
