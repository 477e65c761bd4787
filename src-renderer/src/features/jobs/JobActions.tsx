import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '@shared/contracts/jobs'
import { useCancelJob, useResumeJob } from '../../api/queries/jobs'
import { Button, LinkButton } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { ACTIVE_STATUSES, stoppedByBudget } from './job-display'
import { ResumeDialog } from './ResumeDialog'

/** Cancel a running job, resume a stopped one (raising its budget if that stopped it). */
export function JobActions({ job }: { job: Job }) {
  const { t } = useTranslation()
  const cancel = useCancelJob()
  const resume = useResumeJob()
  const [confirmingCancel, setConfirmingCancel] = useState(false)
  const [raisingBudget, setRaisingBudget] = useState(false)
  const active = ACTIVE_STATUSES.includes(job.status)
  const byBudget = stoppedByBudget(job)

  return (
    <div className="button-row">
      {job.narrative_id && (
        <LinkButton
          to={`/narratives/${job.narrative_id}`}
          variant="primary"
          data-testid="job-open-narrative"
        >
          {t('jobs.openNarrative')}
        </LinkButton>
      )}
      {job.can_resume && !active && (
        <Button
          variant={byBudget ? 'primary' : 'secondary'}
          busy={resume.isPending}
          onClick={() => (byBudget ? setRaisingBudget(true) : resume.mutate({ id: job.id }))}
          data-testid="job-resume"
        >
          {byBudget ? t('jobs.raiseAndResume') : t('jobs.resume')}
        </Button>
      )}
      {active && (
        <Button variant="danger" onClick={() => setConfirmingCancel(true)} data-testid="job-cancel">
          {t('jobs.cancel')}
        </Button>
      )}

      <ConfirmDialog
        open={confirmingCancel}
        title={t('jobs.cancelTitle')}
        body={t('jobs.cancelBody')}
        confirmLabel={t('jobs.cancelConfirm')}
        busy={cancel.isPending}
        onCancel={() => setConfirmingCancel(false)}
        onConfirm={() => cancel.mutate(job.id, { onSettled: () => setConfirmingCancel(false) })}
      />
      {raisingBudget && <ResumeDialog job={job} onClose={() => setRaisingBudget(false)} />}
    </div>
  )
}
