import { useTranslation } from 'react-i18next'
import type { Job } from '@shared/contracts/jobs'
import { useFormat } from '../../i18n/format'
import { failureKind } from './job-display'

/**
 * Why a job stopped, in the writer's language, chosen by the kind the worker recorded. The
 * server's message is English and more technical; it stays one click away for support, or
 * in plain view when the kind is one this build does not word.
 */
export function JobFailure({ job }: { job: Job }) {
  const { t } = useTranslation()
  const format = useFormat()
  const kind = failureKind(job)
  const sentence = t(`jobs.failure.${kind}`, { budget: format.usd(job.budget_usd) })
  return (
    <div className="banner banner--error" role="alert" data-testid="job-error" data-kind={kind}>
      <p>
        <strong>{kind === 'budget' ? t('jobs.budgetReached') : t('jobs.failed')}</strong> {sentence}
        {kind === 'unknown' && job.error_message && ` ${job.error_message}`}
      </p>
      {kind !== 'unknown' && job.error_message && (
        <details className="banner__details">
          <summary>{t('jobs.failure.details')}</summary>
          <p lang="en">{job.error_message}</p>
        </details>
      )}
    </div>
  )
}
