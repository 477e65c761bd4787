import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsView } from '@shared/contracts/settings'
import { useUpdateSettings } from '../../api/queries/settings'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'

const CONCURRENCY = { min: 1, max: 16 }
const BUDGET_MAX = 10_000

/** How many jobs run at once, the default budget per job, and where the data lives. */
export function GenerationSection({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation()
  const update = useUpdateSettings()
  const [concurrency, setConcurrency] = useState(String(settings.worker_concurrency))
  const [budget, setBudget] = useState(String(settings.job_budget_usd))
  const workers = Number(concurrency)
  const budgetValue = Number(budget)
  const workersOk =
    Number.isInteger(workers) && workers >= CONCURRENCY.min && workers <= CONCURRENCY.max
  const budgetOk = Number.isFinite(budgetValue) && budgetValue > 0 && budgetValue <= BUDGET_MAX

  const save = (event: FormEvent) => {
    event.preventDefault()
    if (workersOk && budgetOk)
      update.mutate({ worker_concurrency: workers, job_budget_usd: budgetValue })
  }

  return (
    <form className="card" aria-labelledby="generation-title" onSubmit={save} noValidate>
      <h2 id="generation-title" className="card__title">
        {t('settings.generation.title')}
      </h2>
      <div className="form-row">
        <TextField
          label={t('settings.generation.concurrency')}
          type="number"
          min={CONCURRENCY.min}
          max={CONCURRENCY.max}
          value={concurrency}
          onChange={(e) => setConcurrency(e.target.value)}
          error={workersOk ? undefined : t('settings.generation.concurrencyError', CONCURRENCY)}
          hint={t('settings.generation.concurrencyHint')}
          data-testid="worker-concurrency"
        />
        <TextField
          label={t('settings.generation.budget')}
          type="number"
          min={0.01}
          max={BUDGET_MAX}
          step="any"
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
          error={budgetOk ? undefined : t('settings.generation.budgetError', { max: BUDGET_MAX })}
          hint={t('settings.generation.budgetHint')}
          data-testid="job-budget"
        />
      </div>
      <div className="field">
        <span className="field__label">{t('settings.generation.dataDir')}</span>
        <code className="data-dir" data-testid="data-dir">
          {settings.data_dir}
        </code>
        <p className="field__hint">{t('settings.generation.dataDirHint')}</p>
      </div>
      <div className="button-row">
        <Button
          type="submit"
          variant="primary"
          disabled={!workersOk || !budgetOk}
          busy={update.isPending}
        >
          {t('common.save')}
        </Button>
      </div>
    </form>
  )
}
