import { useTranslation } from 'react-i18next'
import { isApiError } from '../api/api-error'
import { describeError } from '../i18n/describe-error'
import { Button } from './Button'

interface ErrorStateProps {
  error: unknown
  onRetry?: () => void
  /** Shorter, for a card inside a page rather than a whole page. */
  compact?: boolean
}

/** A load that failed: what went wrong in words, a way to try again, a reference to quote. */
export function ErrorState({ error, onRetry, compact = false }: ErrorStateProps) {
  const { t } = useTranslation()
  const requestId = isApiError(error) ? error.requestId : null
  return (
    <div className={`state state--error${compact ? ' state--compact' : ''}`} role="alert">
      <p className="state__title">{t('errors.loadFailed')}</p>
      <p className="state__body">{describeError(error, t)}</p>
      {requestId && <p className="state__meta">{t('errors.reference', { id: requestId })}</p>}
      {onRetry && (
        <div className="state__action">
          <Button size="sm" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </div>
      )}
    </div>
  )
}

/** A failure shown inside a form, above its buttons. */
export function ErrorBanner({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <div className="banner banner--error" role="alert">
      {describeError(error, t)}
    </div>
  )
}
