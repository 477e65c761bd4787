import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { subscribeToEvents } from '../../api/events'
import { applyPushEvent, resyncAfterGap } from '../../api/live-updates'

/**
 * While signed in, push events flow into the query cache for every screen to read; after the
 * stream was down, what it keeps current is fetched again.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      subscribeToEvents(
        (event) => applyPushEvent(queryClient, event),
        () => resyncAfterGap(queryClient),
      ),
    [queryClient],
  )
}
