import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useFormat } from '../../i18n/format'
import type { DayRow } from './usage-range'

/** Cost per day as bars; the table below it (`UsageRows`) carries the same numbers in text. */
export function CostChart({ days }: { days: DayRow[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <div className="chart" role="img" aria-label={t('usage.chartLabel')} data-testid="usage-chart">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="day"
            tickFormatter={format.day}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--border)' }}
            minTickGap={16}
          />
          <YAxis
            tickFormatter={(value: number) => format.usd(value)}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            width={72}
          />
          <Tooltip
            cursor={{ fill: 'var(--surface-sunken)' }}
            contentStyle={{
              background: 'var(--surface)',
              border: '1px solid var(--border)',
              borderRadius: 8,
              color: 'var(--text)',
            }}
            labelFormatter={(day) => format.day(String(day))}
            formatter={(value) => [format.usd(Number(value)), t('usage.cost')]}
          />
          <Bar dataKey="cost_usd" fill="var(--accent)" radius={[4, 4, 0, 0]} maxBarSize={28} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
