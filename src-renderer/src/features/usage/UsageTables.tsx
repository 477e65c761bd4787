import { useTranslation } from 'react-i18next'
import type { UsageSummary } from '@shared/contracts/usage'
import { useFormat } from '../../i18n/format'
import { EmptyState } from '../../ui/EmptyState'

type Row = UsageSummary['total']

interface UsageRowsProps<T extends Row> {
  rows: T[]
  /** The first column: the day, the model or the stage. */
  nameHeader: string
  nameOf(row: T): string
  testId: string
  /** Said by screen readers before the table, when no heading names it. */
  caption?: string
}

interface UsageTableProps<T extends Row> extends UsageRowsProps<T> {
  title: string
}

/** Cost, tokens and calls per model or per stage, the most expensive first, in a card. */
export function UsageTable<T extends Row>({ title, rows, ...table }: UsageTableProps<T>) {
  const { t } = useTranslation()
  const sorted = [...rows].sort((a, b) => b.cost_usd - a.cost_usd)
  return (
    <section className="card" aria-label={title}>
      <h2 className="card__title">{title}</h2>
      {sorted.length === 0 ? (
        <EmptyState title={t('usage.noRows')} />
      ) : (
        <UsageRows rows={sorted} {...table} />
      )}
    </section>
  )
}

/** The rows as given: calls, tokens in and out, and cost, one line each. */
export function UsageRows<T extends Row>({
  rows,
  nameHeader,
  nameOf,
  testId,
  caption,
}: UsageRowsProps<T>) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <table className="table table--dense" data-testid={testId}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col" className="numeric">
            {t('usage.calls')}
          </th>
          <th scope="col" className="numeric">
            {t('usage.tokensIn')}
          </th>
          <th scope="col" className="numeric">
            {t('usage.tokensOut')}
          </th>
          <th scope="col" className="numeric">
            {t('usage.cost')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={nameOf(row)}>
            <th scope="row">{nameOf(row)}</th>
            <td className="numeric">{format.integer(row.calls)}</td>
            <td className="numeric">{format.integer(row.tokens_in)}</td>
            <td className="numeric">{format.integer(row.tokens_out)}</td>
            <td className="numeric">{format.usd(row.cost_usd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
