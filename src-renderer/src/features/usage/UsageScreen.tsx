import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { STAGE_VALUES, type Stage } from '@shared/contracts/catalog'
import { usageOptions } from '../../api/queries/usage'
import { useFormat } from '../../i18n/format'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { PageHeader } from '../../ui/PageHeader'
import { LoadingState } from '../../ui/Spinner'
import { Tabs } from '../../ui/Tabs'
import { CostChart } from './CostChart'
import { fillDays, newestFirst, RANGE_DAYS, rangeEndingAt, type RangeDays } from './usage-range'
import { UsageRows, UsageTable } from './UsageTables'

/** What generation has cost: per day, per model and per stage. */
export function UsageScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const [days, setDays] = useState<RangeDays>(30)
  const range = useMemo(() => rangeEndingAt(new Date(), days), [days])
  const usage = useQuery(usageOptions(range))
  const data = usage.data
  const chartDays = useMemo(() => (data ? fillDays(data.from, data.to, data.by_day) : []), [data])

  const stageName = (stage: string) =>
    STAGE_VALUES.includes(stage as Stage) ? t(`stages.${stage}`) : stage

  return (
    <div className="page" data-testid="usage">
      <PageHeader title={t('usage.title')} description={t('usage.intro')} />
      <Tabs<string>
        label={t('usage.rangeLabel')}
        value={String(days)}
        onChange={(value) => setDays(Number(value) as RangeDays)}
        options={RANGE_DAYS.map((n) => ({
          value: String(n),
          label: t('usage.lastDays', { count: n }),
        }))}
      />
      {usage.isPending && <LoadingState />}
      {usage.isError && <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />}
      {data && (
        <>
          <dl className="figures figures--cards" data-testid="usage-totals">
            <div className="card">
              <dt>{t('usage.totalCost')}</dt>
              <dd>{format.usd(data.total.cost_usd)}</dd>
            </div>
            <div className="card">
              <dt>{t('usage.calls')}</dt>
              <dd>{format.integer(data.total.calls)}</dd>
            </div>
            <div className="card">
              <dt>{t('usage.tokensIn')}</dt>
              <dd>{format.integer(data.total.tokens_in)}</dd>
            </div>
            <div className="card">
              <dt>{t('usage.tokensOut')}</dt>
              <dd>{format.integer(data.total.tokens_out)}</dd>
            </div>
          </dl>
          <section className="card" aria-labelledby="by-day-title">
            <h2 id="by-day-title" className="card__title">
              {t('usage.byDay')}
            </h2>
            {data.total.calls === 0 ? (
              <EmptyState title={t('usage.emptyTitle')} body={t('usage.emptyBody')} />
            ) : (
              <>
                <CostChart days={chartDays} />
                <UsageRows
                  rows={newestFirst(data.by_day)}
                  nameHeader={t('usage.day')}
                  nameOf={(row) => format.day(row.day.slice(0, 10))}
                  caption={t('usage.byDayTable')}
                  testId="usage-by-day"
                />
              </>
            )}
          </section>
          <div className="grid-2">
            <UsageTable
              title={t('usage.byModel')}
              rows={data.by_model}
              nameHeader={t('usage.model')}
              nameOf={(row) =>
                `${row.model} (${t(`providers.${row.provider}`, { defaultValue: row.provider })})`
              }
              testId="usage-by-model"
            />
            <UsageTable
              title={t('usage.byStage')}
              rows={data.by_stage}
              nameHeader={t('usage.stage')}
              nameOf={(row) => stageName(row.stage)}
              testId="usage-by-stage"
            />
          </div>
        </>
      )}
    </div>
  )
}
