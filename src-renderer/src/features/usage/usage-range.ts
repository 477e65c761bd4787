import type { UsageSummary } from '@shared/contracts/usage'

export const RANGE_DAYS = [7, 30, 90] as const
export type RangeDays = (typeof RANGE_DAYS)[number]

export type DayRow = UsageSummary['by_day'][number]

/** The last `days` days up to `today`, as the `YYYY-MM-DD` (UTC) bounds the API takes. */
export function rangeEndingAt(today: Date, days: number): { from: string; to: string } {
  const to = isoDay(today)
  const from = isoDay(new Date(today.getTime() - (days - 1) * DAY_MS))
  return { from, to }
}

/** One row per day of the range, with zeros for days that cost nothing, so the chart has no gaps. */
export function fillDays(from: string, to: string, rows: readonly DayRow[]): DayRow[] {
  const byDay = new Map(rows.map((row) => [row.day.slice(0, 10), row]))
  const filled: DayRow[] = []
  const end = Date.parse(`${to}T00:00:00Z`)
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= end; time += DAY_MS) {
    const day = isoDay(new Date(time))
    filled.push(byDay.get(day) ?? { day, cost_usd: 0, tokens_in: 0, tokens_out: 0, calls: 0 })
  }
  return filled
}

/** Days that cost something, the latest first, for the table under the chart. */
export function newestFirst(rows: readonly DayRow[]): DayRow[] {
  return [...rows].sort((a, b) => b.day.localeCompare(a.day))
}

const DAY_MS = 86_400_000

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
