import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { UsageQuery, UsageSummary } from '@shared/contracts/usage'
import { apiRequest } from '../client'

export const usageKeys = {
  all: ['usage'] as const,
  summary: (range: UsageQuery) => ['usage', range] as const,
}

/** The cost ledger summed by day, model and stage for a range of days (UTC). */
export function usageOptions(range: UsageQuery) {
  return queryOptions({
    queryKey: usageKeys.summary(range),
    queryFn: () => apiRequest<UsageSummary>({ path: '/usage', query: { ...range } }),
    placeholderData: keepPreviousData,
  })
}
