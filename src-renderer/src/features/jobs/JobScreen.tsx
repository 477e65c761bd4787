import { useQuery } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { Job, JobStatusResponse } from '@shared/contracts/jobs'
import { jobOptions, jobStatusOptions } from '../../api/queries/jobs'
import { useFormat, type Formatters } from '../../i18n/format'
import { ErrorState } from '../../ui/ErrorState'
import { PageHeader } from '../../ui/PageHeader'
import { ProgressBar } from '../../ui/ProgressBar'
import { LoadingState } from '../../ui/Spinner'
import { BriefSummary } from './BriefSummary'
import { JobActions } from './JobActions'
import { jobTitle } from './job-display'
import { JobFailure } from './JobFailure'
import { JobStatusBadge } from './JobStatusBadge'
import { ProseStream } from './ProseStream'
import { StageCostTable } from './StageCostTable'
import { StageTimeline } from './StageTimeline'

/** One job, live: stages, progress, prose as it streams, costs, and what can be done next. */
export function JobScreen() {
  const { t } = useTranslation()
  const { jobId = '' } = useParams()
  const job = useQuery(jobOptions(jobId))
  const status = useQuery(jobStatusOptions(jobId))

  if (job.isPending) return <LoadingState />
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />
  const live = merge(job.data, status.data)

  return (
    <div className="page page--wide" data-testid="job">
      <PageHeader
        eyebrow={<Link to="/jobs">← {t('jobs.title')}</Link>}
        title={jobTitle(job.data) ?? t('jobs.untitled')}
        actions={<JobActions job={live} />}
      />
      <section className="card job-summary" aria-label={t('jobs.summary')}>
        <div className="job-summary__top">
          <JobStatusBadge status={live.status} />
          <JobFigures job={live} status={status.data} />
        </div>
        <ProgressBar
          value={live.progress}
          label={t('jobs.columns.progress')}
          testId="job-progress"
        />
        <StageTimeline
          status={live.status}
          currentStage={live.current_stage}
          completedStages={live.completed_stages}
        />
        {live.status === 'failed' && <JobFailure job={live} />}
      </section>

      <div className="job-columns">
        <section className="card" aria-labelledby="prose-title">
          <h2 id="prose-title" className="card__title">
            {t('jobs.prose')}
          </h2>
          <ProseStream jobId={jobId} status={live.status} />
        </section>
        <div className="job-columns__side">
          <section className="card" aria-labelledby="costs-title">
            <h2 id="costs-title" className="card__title">
              {t('jobs.stageCosts')}
            </h2>
            {status.isPending && <LoadingState />}
            {status.isError && (
              <ErrorState error={status.error} onRetry={() => void status.refetch()} compact />
            )}
            {status.data && <StageCostTable status={status.data} />}
          </section>
          <BriefSummary brief={job.data.brief} />
        </div>
      </div>
    </div>
  )
}

function JobFigures({ job, status }: { job: Job; status?: JobStatusResponse }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <dl className="figures">
      <div>
        <dt>{t('jobs.progress')}</dt>
        <dd data-testid="job-percent">{format.percent(job.progress)}</dd>
      </div>
      <div>
        <dt>{t('jobs.eta')}</dt>
        <dd data-testid="job-eta">{etaText(job, status?.eta_s, t, format)}</dd>
      </div>
      <div>
        <dt>{t('jobs.spent')}</dt>
        <dd data-testid="job-cost">{format.usd(job.actual_cost_usd)}</dd>
      </div>
      <div>
        <dt>{t('jobs.estimated')}</dt>
        <dd>{format.usd(job.estimated_cost_usd)}</dd>
      </div>
      <div>
        <dt>{t('jobs.budget')}</dt>
        <dd>{format.usd(job.budget_usd)}</dd>
      </div>
    </dl>
  )
}

/** Below this, a countdown in seconds says less than "almost done". */
const ALMOST_DONE_S = 10

function etaText(job: Job, eta: number | null | undefined, t: TFunction, format: Formatters) {
  if (job.status !== 'running' || eta == null) return '—'
  if (eta < ALMOST_DONE_S) return t('jobs.etaAlmost')
  return t('jobs.etaLeft', { time: format.duration(eta) })
}

/** The status endpoint and events may be newer than the job row; take the fresher facts. */
function merge(job: Job, status: JobStatusResponse | undefined): Job {
  if (!status) return job
  return {
    ...job,
    status: status.status,
    current_stage: status.current_stage,
    completed_stages: status.completed_stages,
    progress: status.progress,
    actual_cost_usd: status.actual_cost_usd,
    can_resume: status.can_resume,
    error_message: status.error_message ?? job.error_message,
  }
}
