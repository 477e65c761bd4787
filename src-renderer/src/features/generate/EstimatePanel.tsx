import { useTranslation } from 'react-i18next'
import type { BriefInput } from '@shared/contracts/jobs'
import { useFormat } from '../../i18n/format'
import { describeError } from '../../i18n/describe-error'
import { Spinner } from '../../ui/Spinner'
import { useCostEstimate } from './useCostEstimate'

/** What the brief will cost, from the API, before anything is spent. */
export function EstimatePanel({ brief }: { brief: BriefInput | null }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { estimate, pending, complete } = useCostEstimate(brief)
  const data = complete ? estimate.data : undefined

  return (
    <div className="estimate" aria-live="polite" data-testid="estimate">
      <div className="estimate__label">
        {t('generate.estimate.title')}
        {complete && pending && <Spinner size="sm" />}
      </div>
      {!complete && <p className="estimate__note">{t('generate.estimate.incomplete')}</p>}
      {complete && data && (
        <>
          <p
            className={`estimate__value${pending ? ' estimate__value--stale' : ''}`}
            data-testid="estimate-cost"
          >
            {t('generate.estimate.cost', { cost: format.usd(data.estimated_cost_usd) })}
          </p>
          <p className="estimate__note">
            {t('generate.estimate.budget', { budget: format.usd(data.budget_usd) })}
          </p>
          {data.estimated_cost_usd > data.budget_usd && (
            <p className="estimate__warning" role="alert">
              {t('generate.estimate.overBudget')}
            </p>
          )}
        </>
      )}
      {complete && !data && estimate.isError && (
        <p className="estimate__note" data-testid="estimate-error">
          {t('generate.estimate.unavailable')} {describeError(estimate.error, t)}
        </p>
      )}
      {complete && !data && !estimate.isError && (
        <p className="estimate__note">{t('generate.estimate.calculating')}</p>
      )}
    </div>
  )
}
