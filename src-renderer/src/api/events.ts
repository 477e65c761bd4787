import { PushEventSchema, type PushEvent } from '@shared/contracts/events'
import { useAuthSession } from './auth-session'
import { refreshSession } from './client'
import { openEventStream } from './sse-stream'

export type PushListener = (event: PushEvent) => void
/** Called when the stream is back after a gap, in which events may have been lost. */
export type ResyncListener = () => void

const listeners = new Set<PushListener>()
const resyncListeners = new Set<ResyncListener>()
let closeStream: (() => void) | null = null

/**
 * Push events for the signed-in writer, from the Electron bridge or the server-sent-event
 * stream; one connection is shared by every subscriber. Returns the unsubscribe function.
 */
export function subscribeToEvents(listener: PushListener, onResync?: ResyncListener): () => void {
  listeners.add(listener)
  if (onResync) resyncListeners.add(onResync)
  closeStream ??= openTransport()
  return () => {
    listeners.delete(listener)
    if (onResync) resyncListeners.delete(onResync)
    if (listeners.size > 0) return
    closeStream?.()
    closeStream = null
  }
}

/**
 * The server opens every connection with a `ready` event. The first one starts the stream;
 * each later one follows a reconnect, and whatever was published in between never arrived.
 */
export function detectReconnects(onReconnect: () => void): () => void {
  let connectedBefore = false
  return () => {
    if (connectedBefore) onReconnect()
    connectedBefore = true
  }
}

function openTransport(): () => void {
  // IPC delivers in-process and cannot drop events, so only the HTTP stream needs resyncing.
  if (window.narraforge) return window.narraforge.onEvent((event) => dispatch(event))
  const ready = detectReconnects(() => {
    for (const listener of resyncListeners) listener()
  })
  return openEventStream({
    url: '/api/events',
    accessToken: () => useAuthSession.getState().accessToken,
    renew: refreshSession,
    onMessage: (data, event) => (event === 'ready' ? ready() : dispatch(parseMessage(data))),
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
