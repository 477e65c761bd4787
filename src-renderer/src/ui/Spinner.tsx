import { useTranslation } from 'react-i18next'

export function Spinner({ size = 'md' }: { size?: 'sm' | 'md' }) {
  return <span className={`spinner spinner--${size}`} aria-hidden="true" />
}

/** A whole region waiting for its data. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="state state--loading" role="status" data-testid="loading">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  )
}
