import { PushEventSchema, type PushEvent } from '@shared/contracts/events'
import { useAuthSession } from './auth-session'
import { refreshSession } from './client'
import { openEventStream } from './sse-stream'

export type PushListener = (event: PushEvent) => void

const listeners = new Set<PushListener>()
let closeStream: (() => void) | null = null

/**
 * Push events for the signed-in writer, from the Electron bridge or the server-sent-event
 * stream; one connection is shared by every subscriber. Returns the unsubscribe function.
 */
export function subscribeToEvents(listener: PushListener): () => void {
  listeners.add(listener)
  closeStream ??= openTransport()
  return () => {
    listeners.delete(listener)
    if (listeners.size > 0) return
    closeStream?.()
    closeStream = null
  }
}

function openTransport(): () => void {
  if (window.narraforge) return window.narraforge.onEvent((event) => dispatch(event))
  return openEventStream({
    url: '/api/events',
    accessToken: () => useAuthSession.getState().accessToken,
    renew: refreshSession,
    onMessage: (data) => dispatch(parseMessage(data)),
    watchToken: (listener) =>
      useAuthSession.subscribe((state, previous) => {
        if (state.accessToken !== previous.accessToken) listener()
      }),
  })
}

function dispatch(raw: unknown): void {
  // The stream is a trust boundary: anything that is not a known event is dropped.
  const parsed = PushEventSchema.safeParse(raw)
  if (!parsed.success) return
  for (const listener of listeners) listener(parsed.data)
}

function parseMessage(data: string): unknown {
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}
