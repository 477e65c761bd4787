import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { meOptions } from '../../api/queries/auth'
import { jobListOptions } from '../../api/queries/jobs'
import { narrativeListOptions } from '../../api/queries/narratives'
import { LinkButton } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { Icon } from '../../ui/Icon'
import { PageHeader } from '../../ui/PageHeader'
import { LoadingState } from '../../ui/Spinner'
import { JobTable } from '../jobs/JobTable'
import { NarrativeTable } from '../narratives/NarrativeTable'
import { MonthlyUsage } from './MonthlyUsage'

const RECENT = 5

/** Where the writer lands: this month's usage, what is running, what was written lately. */
export function DashboardScreen() {
  const { t } = useTranslation()
  const me = useQuery(meOptions())
  const jobs = useQuery(jobListOptions({ page: 1, page_size: RECENT }))
  const narratives = useQuery(narrativeListOptions({ page: 1, page_size: RECENT }))
  const firstName = me.data?.full_name?.split(' ')[0]

  return (
    <div className="page" data-testid="dashboard">
      <PageHeader
        title={firstName ? t('dashboard.greeting', { name: firstName }) : t('dashboard.title')}
        description={t('dashboard.intro')}
        actions={
          <LinkButton to="/generate" variant="primary" data-testid="dashboard-new-work">
            <Icon name="plus" />
            {t('nav.newWork')}
          </LinkButton>
        }
      />
      {me.isPending && <LoadingState />}
      {me.isError && <ErrorState error={me.error} onRetry={() => void me.refetch()} compact />}
      {me.data && <MonthlyUsage user={me.data} />}

      <div className="grid-2">
        <section className="card" aria-labelledby="recent-jobs-title">
          <div className="card__header">
            <h2 id="recent-jobs-title" className="card__title">
              {t('dashboard.recentJobs')}
            </h2>
            <Link to="/jobs" className="card__link">
              {t('common.viewAll')}
            </Link>
          </div>
          {jobs.isPending && <LoadingState />}
          {jobs.isError && (
            <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} compact />
          )}
          {jobs.data?.items.length === 0 && (
            <EmptyState title={t('dashboard.noJobs')} body={t('dashboard.noJobsBody')} />
          )}
          {!!jobs.data?.items.length && <JobTable jobs={jobs.data.items} compact />}
        </section>

        <section className="card" aria-labelledby="recent-narratives-title">
          <div className="card__header">
            <h2 id="recent-narratives-title" className="card__title">
              {t('dashboard.recentNarratives')}
            </h2>
            <Link to="/narratives" className="card__link">
              {t('common.viewAll')}
            </Link>
          </div>
          {narratives.isPending && <LoadingState />}
          {narratives.isError && (
            <ErrorState
              error={narratives.error}
              onRetry={() => void narratives.refetch()}
              compact
            />
          )}
          {narratives.data?.items.length === 0 && (
            <EmptyState
              title={t('dashboard.noNarratives')}
              body={t('dashboard.noNarrativesBody')}
            />
          )}
          {!!narratives.data?.items.length && (
            <NarrativeTable narratives={narratives.data.items} compact />
          )}
        </section>
      </div>
    </div>
  )
}
