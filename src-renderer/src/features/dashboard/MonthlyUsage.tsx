import { useTranslation } from 'react-i18next'
import type { User } from '@shared/contracts/auth'
import { useFormat } from '../../i18n/format'
import { ProgressBar } from '../../ui/ProgressBar'

/** Generations and spend this month against the tier's limits; `null` limits are unlimited. */
export function MonthlyUsage({ user }: { user: User }) {
  const { t } = useTranslation()
  const format = useFormat()
  const reached = limitReached(user)
  return (
    <section className="card" aria-labelledby="monthly-usage-title" data-testid="monthly-usage">
      <div className="card__header">
        <h2 id="monthly-usage-title" className="card__title">
          {t('dashboard.thisMonth')}
        </h2>
        <span className="pill">{t(`tiers.${user.subscription_tier}`)}</span>
      </div>
      <div className="meters">
        <Meter
          label={t('dashboard.generations')}
          used={user.monthly_generations_used}
          limit={user.monthly_generation_limit}
          show={format.integer}
          testId="meter-generations"
        />
        <Meter
          label={t('dashboard.cost')}
          used={user.monthly_cost_used_usd}
          limit={user.monthly_cost_limit_usd}
          show={format.usd}
          testId="meter-cost"
        />
      </div>
      {reached && (
        <div className="banner banner--warning" role="status" data-testid="quota-reached">
          {t('dashboard.limitReached')}
        </div>
      )}
    </section>
  )
}

interface MeterProps {
  label: string
  used: number
  limit: number | null
  show(value: number): string
  testId: string
}

function Meter({ label, used, limit, show, testId }: MeterProps) {
  const { t } = useTranslation()
  const share = limit ? used / limit : 0
  const tone = share >= 1 ? 'danger' : share >= 0.8 ? 'warning' : 'accent'
  return (
    <div className="meter" data-testid={testId}>
      <div className="meter__label">{label}</div>
      <div className="meter__value">
        <strong>{show(used)}</strong>{' '}
        <span className="muted">
          {limit === null
            ? t('dashboard.unlimited')
            : t('dashboard.ofLimit', { limit: show(limit) })}
        </span>
      </div>
      {limit !== null && <ProgressBar value={share} label={label} tone={tone} />}
    </div>
  )
}

export function limitReached(user: User): boolean {
  const generations =
    user.monthly_generation_limit !== null &&
    user.monthly_generations_used >= user.monthly_generation_limit
  const cost =
    user.monthly_cost_limit_usd !== null &&
    user.monthly_cost_used_usd >= user.monthly_cost_limit_usd
  return generations || cost
}
