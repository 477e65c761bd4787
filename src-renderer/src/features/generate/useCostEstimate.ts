import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { BriefInput } from '@shared/contracts/jobs'
import { estimateOptions } from '../../api/queries/jobs'
import { useDebouncedValue } from '../../ui/useDebouncedValue'

const ESTIMATE_DEBOUNCE_MS = 700

/**
 * The API's estimate for the brief, asked for once typing pauses and only for a valid brief.
 * Compared as JSON, so an unchanged brief never asks twice.
 */
export function useCostEstimate(brief: BriefInput | null) {
  const key = brief ? JSON.stringify(brief) : null
  const settledKey = useDebouncedValue(key, ESTIMATE_DEBOUNCE_MS)
  const settled = useMemo(
    () => (settledKey ? (JSON.parse(settledKey) as BriefInput) : null),
    [settledKey],
  )
  const estimate = useQuery(estimateOptions(settled))
  return {
    estimate,
    /** The brief changed since the shown estimate was asked for. */
    pending: key !== settledKey || estimate.isFetching,
    complete: brief !== null,
  }
}
