import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { readinessOptions, useRecheckHealth } from '../../api/queries/health'
import { useFormat } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { PageHeader } from '../../ui/PageHeader'
import { LoadingState } from '../../ui/Spinner'
import { StatusDot } from '../../ui/StatusDot'
import { HealthRow } from './HealthRow'
import { sortChecks, worstCriticalStatus } from './health-status'

/** Every dependency the app needs, how it is doing, and a way to ask again. */
export function HealthScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const readiness = useQuery(readinessOptions())
  const recheck = useRecheckHealth()
  const overall = worstCriticalStatus(readiness.data?.checks)

  return (
    <div className="page" data-testid="health">
      <PageHeader
        title={t('health.title')}
        description={t('health.intro')}
        actions={
          <Button
            onClick={() => recheck.mutate()}
            busy={recheck.isPending}
            data-testid="health-refresh"
          >
            {t('health.checkAgain')}
          </Button>
        }
      />
      {readiness.isPending && <LoadingState />}
      {readiness.isError && (
        <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />
      )}
      {readiness.data && (
        <>
          <div className={`health-summary health-summary--${overall}`} data-testid="health-summary">
            <StatusDot tone={overall} />
            <div>
              <p className="health-summary__title">
                {readiness.data.status === 'ready' ? t('health.ready') : t('health.notReady')}
              </p>
              <p className="muted">
                {t('health.checkedAt', { time: format.time(readiness.data.timestamp) })}
                {readiness.data.version &&
                  ` · ${t('health.version', { version: readiness.data.version })}`}
              </p>
            </div>
          </div>
          {readiness.data.checks.length === 0 ? (
            <EmptyState title={t('health.noChecks')} />
          ) : (
            <ul className="health-list">
              {sortChecks(readiness.data.checks).map((check) => (
                <HealthRow key={check.name} check={check} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
