import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { subscribeToEvents } from '../../api/events'
import { applyPushEvent } from '../../api/live-updates'

/** While signed in, push events flow into the query cache for every screen to read. */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient()
  useEffect(() => subscribeToEvents((event) => applyPushEvent(queryClient, event)), [queryClient])
}
