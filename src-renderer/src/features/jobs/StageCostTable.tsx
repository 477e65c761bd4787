import { useTranslation } from 'react-i18next'
import { STAGE_VALUES } from '@shared/contracts/catalog'
import type { JobStatusResponse } from '@shared/contracts/jobs'
import { useFormat } from '../../i18n/format'
import { EmptyState } from '../../ui/EmptyState'

/** What each stage has cost so far, with tokens and calls. */
export function StageCostTable({ status }: { status: JobStatusResponse }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (status.stage_costs.length === 0) return <EmptyState title={t('jobs.noCostsYet')} />

  const rows = [...status.stage_costs].sort(
    (a, b) => STAGE_VALUES.indexOf(a.stage) - STAGE_VALUES.indexOf(b.stage),
  )
  const totals = rows.reduce(
    (sum, row) => ({
      tokens_in: sum.tokens_in + row.tokens_in,
      tokens_out: sum.tokens_out + row.tokens_out,
      calls: sum.calls + row.calls,
    }),
    { tokens_in: 0, tokens_out: 0, calls: 0 },
  )
  return (
    <table className="table table--dense" data-testid="stage-costs">
      <thead>
        <tr>
          <th scope="col">{t('jobs.costColumns.stage')}</th>
          <th scope="col" className="numeric">
            <abbr title={t('jobs.costColumns.tokensTitle')}>{t('jobs.costColumns.tokens')}</abbr>
          </th>
          <th scope="col" className="numeric">
            {t('jobs.costColumns.calls')}
          </th>
          <th scope="col" className="numeric">
            {t('jobs.costColumns.cost')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.stage} data-testid={`stage-cost-${row.stage}`}>
            <th scope="row">{t(`stages.${row.stage}`)}</th>
            <td className="numeric">
              {format.integer(row.tokens_in)} / {format.integer(row.tokens_out)}
            </td>
            <td className="numeric">{format.integer(row.calls)}</td>
            <td className="numeric">{format.usd(row.cost_usd)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('jobs.costColumns.total')}</th>
          <td className="numeric">
            {format.integer(totals.tokens_in)} / {format.integer(totals.tokens_out)}
          </td>
          <td className="numeric">{format.integer(totals.calls)}</td>
          <td className="numeric">{format.usd(status.actual_cost_usd)}</td>
        </tr>
      </tfoot>
    </table>
  )
}
