import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { readinessOptions } from '../../api/queries/health'
import { StatusDot } from '../../ui/StatusDot'
import { worstCriticalStatus } from './health-status'

/** The top bar's status light: the worst critical check, one click from the health panel. */
export function HealthDot() {
  const { t } = useTranslation()
  const readiness = useQuery(readinessOptions())
  const status = readiness.isError ? 'down' : worstCriticalStatus(readiness.data?.checks)
  const label = t('health.dotLabel', { status: t(`health.status.${status}`) })
  return (
    <Link to="/health" className="health-link" title={label} data-testid="health-link">
      <StatusDot tone={status} testId="health-dot" />
      <span className="health-link__text">{t(`health.short.${status}`)}</span>
      <span className="visually-hidden">{label}</span>
    </Link>
  )
}
