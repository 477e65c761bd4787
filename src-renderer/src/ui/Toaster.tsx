import { useTranslation } from 'react-i18next'
import { describeError } from '../i18n/describe-error'
import { useToasts } from '../stores/toasts'

/** The corner where failed actions and confirmations appear, announced politely. */
export function Toaster() {
  const { t } = useTranslation()
  const toasts = useToasts((state) => state.toasts)
  const dismiss = useToasts((state) => state.dismiss)
  return (
    <div className="toaster" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`} data-testid="toast">
          <span className="toast__text">
            {toast.error !== undefined
              ? describeError(toast.error, t)
              : toast.messageKey && t(toast.messageKey)}
          </span>
          <button
            type="button"
            className="toast__close"
            onClick={() => dismiss(toast.id)}
            aria-label={t('common.dismiss')}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
