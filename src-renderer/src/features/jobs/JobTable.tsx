import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Job } from '@shared/contracts/jobs'
import { useFormat } from '../../i18n/format'
import { ProgressBar } from '../../ui/ProgressBar'
import { jobTitle } from './job-display'
import { JobStatusBadge } from './JobStatusBadge'

interface JobTableProps {
  jobs: Job[]
  /** Fewer columns, for the dashboard. */
  compact?: boolean
}

export function JobTable({ jobs, compact = false }: JobTableProps) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <table className="table" data-testid="job-table">
      <thead>
        <tr>
          <th scope="col">{t('jobs.columns.title')}</th>
          <th scope="col">{t('jobs.columns.status')}</th>
          {!compact && <th scope="col">{t('jobs.columns.stage')}</th>}
          <th scope="col" className="table__progress">
            {t('jobs.columns.progress')}
          </th>
          <th scope="col" className="numeric">
            {t('jobs.columns.cost')}
          </th>
          {!compact && <th scope="col">{t('jobs.columns.created')}</th>}
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} data-testid={`job-row-${job.id}`}>
            <td>
              <Link to={`/jobs/${job.id}`} className="table__link">
                {jobTitle(job) ?? t('jobs.untitled')}
              </Link>
            </td>
            <td>
              <JobStatusBadge status={job.status} />
            </td>
            {!compact && <td>{job.current_stage ? t(`stages.${job.current_stage}`) : '—'}</td>}
            <td className="table__progress">
              <ProgressBar value={job.progress} label={t('jobs.columns.progress')} tone="muted" />
            </td>
            <td className="numeric">{format.usd(job.actual_cost_usd)}</td>
            {!compact && <td className="muted">{format.dateTime(job.created_at)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
