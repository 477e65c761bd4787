import type { TFunction } from 'i18next'
import type { HealthCheck } from '@shared/contracts/health'
import type { Formatters } from '../../i18n/format'

/**
 * What a check found, in the interface language. The server names its finding with a `code`
 * and the figures in `params`; a code this build does not know yet shows the server's own
 * English detail, so nothing is ever hidden.
 */
export function describeCheck(
  check: Pick<HealthCheck, 'detail' | 'code' | 'params'>,
  t: TFunction,
  format: Formatters,
): string {
  if (!check.code) return check.detail
  const params = check.params ?? {}
  const key =
    check.code === 'provider_failed'
      ? `health.findings.provider_failed_${String(params.cause ?? 'other')}`
      : `health.findings.${check.code}`
  return t(key, { ...wordParams(params, t, format), defaultValue: check.detail })
}

/** Figures formatted for the language; provider ids turned into their names. */
function wordParams(
  params: NonNullable<HealthCheck['params']>,
  t: TFunction,
  format: Formatters,
): Record<string, string> {
  const worded: Record<string, string> = {}
  for (const [name, value] of Object.entries(params)) {
    if (name === 'provider') worded[name] = providerName(String(value), t)
    else if (name === 'providers')
      worded[name] = format.list(
        String(value)
          .split(',')
          .filter(Boolean)
          .map((p) => providerName(p, t)),
      )
    else if (name === 'oldest_s') worded[name] = format.duration(Number(value))
    else if (typeof value === 'number') worded[name] = format.decimal(value)
    else worded[name] = value
  }
  return worded
}

function providerName(id: string, t: TFunction): string {
  return t(`providers.${id}`, { defaultValue: id })
}
