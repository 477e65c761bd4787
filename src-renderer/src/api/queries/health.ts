import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Readiness } from '@shared/contracts/health'
import { apiRequest } from '../client'

export const healthKeys = {
  ready: ['health', 'ready'] as const,
}

/** The server runs its checks only when asked, so the status light asks now and then. */
const RECHECK_MS = 2 * 60_000

/**
 * Readiness with one check per dependency. A 503 carries the same body and is data: it is
 * how the app learns what is down. `health.changed` events refresh it between fetches.
 */
export function readinessOptions() {
  return queryOptions({
    queryKey: healthKeys.ready,
    queryFn: () => fetchReadiness(false),
    staleTime: 60_000,
    refetchInterval: RECHECK_MS,
    refetchOnWindowFocus: true,
  })
}

/** "Check again": runs every check now, past the cached provider pings. */
export function useRecheckHealth() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => fetchReadiness(true),
    onSuccess: (readiness) => queryClient.setQueryData(healthKeys.ready, readiness),
  })
}

function fetchReadiness(fresh: boolean): Promise<Readiness> {
  return apiRequest<Readiness>({
    path: '/health/ready',
    query: { fresh: fresh ? 1 : undefined },
    acceptStatus: [503],
  })
}
