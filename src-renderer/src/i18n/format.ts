import { useTranslation } from 'react-i18next'

/** Numbers, money, dates and durations in the interface language's conventions. */
export function createFormatters(language: string) {
  const locale = language === 'pl' ? 'pl-PL' : 'en-US'
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const usd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' })
  const preciseUsd = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 4,
  })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  const shortDay = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  })
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' })
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const list = new Intl.ListFormat(locale, { type: 'conjunction' })

  return {
    integer: (value: number) => integer.format(value),
    /** One decimal at most, for seconds and similar small figures. */
    decimal: (value: number) => decimal.format(value),
    /** "a, b and c" in the interface language. */
    list: (items: string[]) => list.format(items),
    /** Cents for sums; sub-cent amounts (single calls) keep four digits. */
    usd: (value: number) =>
      (value !== 0 && Math.abs(value) < 0.01 ? preciseUsd : usd).format(value),
    percent: (value: number) => percent.format(value),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    /** A `YYYY-MM-DD` day of the usage ledger (UTC). */
    day: (day: string) => shortDay.format(new Date(`${day}T00:00:00Z`)),
    time: (iso: string) => time.format(new Date(iso)),
    /** Milliseconds with a decimal only where it matters (under 10). */
    ms: (value: number) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value),
    bytes: (value: number) => formatBytes(value, locale),
    duration: (seconds: number) => formatDuration(seconds, locale),
  }
}

export type Formatters = ReturnType<typeof createFormatters>

const cache = new Map<string, Formatters>()

/** Formatters for the current interface language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? i18n.language
  let formatters = cache.get(language)
  if (!formatters) {
    formatters = createFormatters(language)
    cache.set(language, formatters)
  }
  return formatters
}

export function formatBytes(value: number, locale: string): string {
  if (value < 1024) return `${new Intl.NumberFormat(locale).format(value)} B`
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let size = value
  let unit = 0
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024
    unit += 1
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(size)
}

/** A rough remaining time: "45 s", "12 min", "2 h 5 min". */
export function formatDuration(seconds: number, locale: string): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value)
  const total = Math.max(0, Math.round(seconds))
  if (total < 60) return unit(total, 'second')
  const minutes = Math.round(total / 60)
  if (minutes < 60) return unit(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`
}
