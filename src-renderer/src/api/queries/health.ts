import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { HealthCheck, Readiness } from '@shared/contracts/health'
import { isReady } from '../../features/health/health-status'
import { apiRequest } from '../client'

export const healthKeys = {
  ready: ['health', 'ready'] as const,
}

/**
 * Readiness with one check per dependency. A 503 carries the same body and is data: it is
 * how the app learns what is down. After this first answer the server keeps it current:
 * it re-checks on its own and announces every change of status as a `health.changed` event.
 * Unchanged checks are not announced, so their figures (latency, time of the last check) are
 * fetched again when the panel opens or the window comes back into focus.
 */
export function readinessOptions() {
  return queryOptions({
    queryKey: healthKeys.ready,
    queryFn: () => fetchReadiness(false),
    staleTime: Infinity,
    refetchOnMount: 'always',
    refetchOnWindowFocus: 'always',
  })
}

/** "Check all": runs every check now, past the cached provider pings. */
export function useRecheckHealth() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => fetchReadiness(true),
    onSuccess: (readiness) => queryClient.setQueryData(healthKeys.ready, readiness),
  })
}

/** Runs one dependency's check now and puts its answer in the panel. */
export function useRecheckDependency() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (name: string) =>
      apiRequest<HealthCheck>({
        method: 'POST',
        path: `/health/checks/${encodeURIComponent(name)}`,
        body: {},
      }),
    onSuccess: (check) =>
      queryClient.setQueryData<Readiness>(
        healthKeys.ready,
        (readiness) => readiness && withCheck(readiness, check),
      ),
  })
}

/** Readiness with one check replaced by a newer answer, and the verdict worked out again. */
export function withCheck(readiness: Readiness, check: HealthCheck): Readiness {
  const known = readiness.checks.some((c) => c.name === check.name)
  const checks = known
    ? readiness.checks.map((c) => (c.name === check.name ? check : c))
    : [...readiness.checks, check]
  return {
    ...readiness,
    timestamp: check.checked_at,
    status: isReady(checks) ? 'ready' : 'not_ready',
    checks,
  }
}

function fetchReadiness(fresh: boolean): Promise<Readiness> {
  return apiRequest<Readiness>({
    path: '/health/ready',
    query: { fresh: fresh ? 1 : undefined },
    acceptStatus: [503],
  })
}
