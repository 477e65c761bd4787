import { useTranslation } from 'react-i18next'
import type { JobStatus } from '@shared/contracts/jobs'
import { StatusDot } from '../../ui/StatusDot'
import { STATUS_TONE } from './job-display'

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`badge badge--${status}`} data-testid="job-status" data-status={status}>
      <StatusDot tone={STATUS_TONE[status]} />
      {t(`jobStatus.${status}`)}
    </span>
  )
}
