/** The calendar month (UTC) that monthly counters belong to, as `YYYY-MM`. */
export function usageMonthOf(date: Date): string {
  return date.toISOString().slice(0, 7)
}
