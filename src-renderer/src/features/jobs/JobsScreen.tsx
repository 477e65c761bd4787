import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { JOB_STATUS_VALUES, type JobStatus } from '@shared/contracts/jobs'
import { jobListOptions } from '../../api/queries/jobs'
import { LinkButton } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { PageHeader } from '../../ui/PageHeader'
import { Pagination } from '../../ui/Pagination'
import { LoadingState } from '../../ui/Spinner'
import { Tabs } from '../../ui/Tabs'
import { JobTable } from './JobTable'

type Filter = JobStatus | 'all'

const PAGE_SIZE = 20

/** Every generation job, filtered by status; the filter and page live in the URL. */
export function JobsScreen() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const filter = parseFilter(params.get('status'))
  const page = Math.max(1, Number(params.get('page')) || 1)
  const jobs = useQuery(
    jobListOptions({ status: filter === 'all' ? undefined : filter, page, page_size: PAGE_SIZE }),
  )

  const show = (next: { status?: Filter; page?: number }) => {
    const status = next.status ?? filter
    setParams({
      ...(status === 'all' ? {} : { status }),
      ...(next.page && next.page > 1 ? { page: String(next.page) } : {}),
    })
  }

  return (
    <div className="page" data-testid="jobs">
      <PageHeader
        title={t('jobs.title')}
        description={t('jobs.intro')}
        actions={
          <LinkButton to="/generate" variant="primary">
            {t('nav.newWork')}
          </LinkButton>
        }
      />
      <Tabs<Filter>
        label={t('jobs.filterLabel')}
        value={filter}
        onChange={(status) => show({ status, page: 1 })}
        options={[
          { value: 'all', label: t('jobs.filterAll') },
          ...JOB_STATUS_VALUES.map((value) => ({ value, label: t(`jobStatus.${value}`) })),
        ]}
        controls="jobs-panel"
      />
      <div id="jobs-panel" role="tabpanel" className="card card--flush">
        {jobs.isPending && <LoadingState />}
        {jobs.isError && <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />}
        {jobs.data?.items.length === 0 && (
          <EmptyState
            title={filter === 'all' ? t('jobs.emptyTitle') : t('jobs.emptyFiltered')}
            body={filter === 'all' ? t('jobs.emptyBody') : undefined}
            action={
              filter === 'all' && (
                <LinkButton to="/generate" variant="primary">
                  {t('nav.newWork')}
                </LinkButton>
              )
            }
          />
        )}
        {!!jobs.data?.items.length && <JobTable jobs={jobs.data.items} />}
      </div>
      {jobs.data && (
        <Pagination
          page={page}
          totalPages={jobs.data.total_pages}
          onChange={(p) => show({ page: p })}
        />
      )}
    </div>
  )
}

function parseFilter(value: string | null): Filter {
  return JOB_STATUS_VALUES.includes(value as JobStatus) ? (value as JobStatus) : 'all'
}
