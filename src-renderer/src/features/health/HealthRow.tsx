import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { HealthCheck } from '@shared/contracts/health'
import { useRecheckDependency } from '../../api/queries/health'
import { useFormat } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { StatusDot } from '../../ui/StatusDot'
import { describeCheck } from './check-detail'

/** One dependency: its name in words, status colour, what it found, how fast, when, and a re-check. */
export function HealthRow({ check }: { check: HealthCheck }) {
  const { t } = useTranslation()
  const format = useFormat()
  const recheck = useRecheckDependency()
  const name = checkName(check.name, t)
  return (
    <li
      className={`card health-row health-row--${check.status}`}
      data-testid={`health-row-${check.name}`}
      data-status={check.status}
    >
      <StatusDot tone={check.status} label={t(`health.status.${check.status}`)} />
      <div className="health-row__main">
        <div className="health-row__name">
          {name}
          {!check.critical && <span className="pill">{t('health.informational')}</span>}
        </div>
        <p className="health-row__detail" data-testid="health-detail">
          {describeCheck(check, t, format)}
        </p>
      </div>
      <dl className="health-row__facts">
        <div>
          <dt>{t('health.status.label')}</dt>
          <dd>{t(`health.status.${check.status}`)}</dd>
        </div>
        <div>
          <dt>{t('health.latency')}</dt>
          <dd>{t('health.ms', { value: format.ms(Math.max(0, check.latency_ms)) })}</dd>
        </div>
        <div>
          <dt>{t('health.lastCheck')}</dt>
          <dd>{format.time(check.checked_at)}</dd>
        </div>
      </dl>
      <Button
        size="sm"
        variant="ghost"
        busy={recheck.isPending}
        onClick={() => recheck.mutate(check.name)}
        aria-label={t('health.recheckNamed', { name })}
        data-testid={`health-recheck-${check.name}`}
      >
        {t('health.recheck')}
      </Button>
    </li>
  )
}

/** `provider:openai` reads as "AI provider: OpenAI"; unknown names are shown as they are. */
function checkName(name: string, t: TFunction): string {
  const [kind, target] = name.split(':')
  if (kind === 'provider' && target) {
    return t('health.names.provider', { name: t(`providers.${target}`, { defaultValue: target }) })
  }
  return t(`health.names.${name}`, { defaultValue: name })
}
