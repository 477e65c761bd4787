import type { CheckStatus, HealthCheck } from '@shared/contracts/health'

/** What the status dot shows: `unknown` until the first answer. */
export type OverallStatus = CheckStatus | 'unknown'

const SEVERITY: Record<CheckStatus, number> = { ok: 0, degraded: 1, down: 2 }

/** The worst status among critical checks; informational checks never colour the dot. */
export function worstCriticalStatus(checks: readonly HealthCheck[] | undefined): OverallStatus {
  if (!checks) return 'unknown'
  let worst: CheckStatus = 'ok'
  for (const check of checks) {
    if (check.critical && SEVERITY[check.status] > SEVERITY[worst]) worst = check.status
  }
  return worst
}

/**
 * Ready when every check is ok, critical or not: the rule of the server's readiness, needed
 * here to word a `health.changed` event or a single re-check, which carry no verdict.
 */
export function isReady(checks: readonly HealthCheck[]): boolean {
  return checks.every((c) => c.status === 'ok')
}

/** Checks in the panel's order: problems first, then by name, critical before informational. */
export function sortChecks(checks: readonly HealthCheck[]): HealthCheck[] {
  return [...checks].sort(
    (a, b) =>
      SEVERITY[b.status] - SEVERITY[a.status] ||
      Number(b.critical) - Number(a.critical) ||
      a.name.localeCompare(b.name),
  )
}
