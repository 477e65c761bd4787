import { createParser } from 'eventsource-parser'
import { backoffDelay, EVENT_STREAM_BACKOFF } from './backoff'

const HEALTHY_STREAM_MS = 10_000

export interface EventStreamOptions {
  url: string
  accessToken(): string | null
  /** Renews the access token after the stream was refused; false when the session is gone. */
  renew(): Promise<boolean>
  /** Every message's data, with its `event:` name when it has one (the server's `ready`). */
  onMessage(data: string, event?: string): void
  /** Calls back whenever the access token changes, returning the unsubscribe function. */
  watchToken(listener: () => void): () => void
  fetch?: typeof fetch
}

/**
 * Server-sent events over `fetch`, so the token travels in the Authorization header rather
 * than in the URL. Reconnects with backoff and re-opens with the new token after a refresh.
 */
export function openEventStream(options: EventStreamOptions): () => void {
  let closed = false
  let attempt = 0
  let connectedWith: string | null = null
  let controller: AbortController | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const retryLater = () => {
    if (closed) return
    clearTimeout(timer)
    timer = setTimeout(() => void connect(), backoffDelay(attempt++, EVENT_STREAM_BACKOFF))
  }

  const connect = async () => {
    const token = options.accessToken()
    if (closed || !token) return
    controller?.abort()
    const current = new AbortController()
    controller = current
    connectedWith = token
    try {
      const response = await (options.fetch ?? fetch)(options.url, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
        signal: current.signal,
        cache: 'no-store',
      })
      if (response.status === 401) {
        // A fresh token arrives through watchToken, which reconnects.
        if (await options.renew()) return
        closed = true
        return
      }
      if (!response.ok || !response.body)
        throw new Error(`event stream answered ${response.status}`)
      const openedAt = Date.now()
      await readMessages(response.body, options.onMessage)
      // Only a stream that held for a while counts as healthy; one that keeps dropping at
      // once backs off like one that never opens.
      if (Date.now() - openedAt >= HEALTHY_STREAM_MS) attempt = 0
    } catch {
      // The stream broke or never opened; the retry below tries again after a pause.
      if (current.signal.aborted) return
    }
    if (!current.signal.aborted) retryLater()
  }

  const stopWatching = options.watchToken(() => {
    const token = options.accessToken()
    if (token && token !== connectedWith) {
      attempt = 0
      clearTimeout(timer)
      void connect()
    }
  })
  void connect()

  return () => {
    closed = true
    clearTimeout(timer)
    stopWatching()
    controller?.abort()
  }
}

async function readMessages(
  body: ReadableStream<Uint8Array>,
  onMessage: EventStreamOptions['onMessage'],
) {
  const parser = createParser({ onEvent: (message) => onMessage(message.data, message.event) })
  const decoder = new TextDecoder()
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    parser.feed(decoder.decode(value, { stream: true }))
  }
}
