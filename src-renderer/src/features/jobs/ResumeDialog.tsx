import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '@shared/contracts/jobs'
import { useResumeJob } from '../../api/queries/jobs'
import { useFormat } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { TextField } from '../../ui/Field'
import { BUDGET_MAX } from '../generate/brief-draft'

/** Resume a job that stopped at its budget, with a higher cap; mounted only while open. */
export function ResumeDialog({ job, onClose }: { job: Job; onClose(): void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const resume = useResumeJob()
  const suggested = Math.ceil(Math.max(job.budget_usd * 1.5, job.actual_cost_usd + 1))
  const [budget, setBudget] = useState(String(suggested))
  const value = Number(budget)
  const valid = Number.isFinite(value) && value > job.actual_cost_usd && value <= BUDGET_MAX

  return (
    <Dialog
      open
      title={t('jobs.resumeTitle')}
      onClose={onClose}
      onSubmit={() =>
        valid && resume.mutate({ id: job.id, budgetUsd: value }, { onSuccess: onClose })
      }
      testId="resume-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            busy={resume.isPending}
            disabled={!valid}
            data-testid="resume-confirm"
          >
            {t('jobs.resumeWithBudget')}
          </Button>
        </>
      }
    >
      <p>
        {t('jobs.resumeBody', {
          spent: format.usd(job.actual_cost_usd),
          budget: format.usd(job.budget_usd),
        })}
      </p>
      <TextField
        label={t('jobs.newBudget')}
        type="number"
        inputMode="decimal"
        min={job.actual_cost_usd}
        max={BUDGET_MAX}
        step="any"
        value={budget}
        onChange={(e) => setBudget(e.target.value)}
        error={
          valid ? undefined : t('jobs.newBudgetInvalid', { spent: format.usd(job.actual_cost_usd) })
        }
        autoFocus
        data-testid="resume-budget"
      />
    </Dialog>
  )
}
