import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthResponse } from '@shared/contracts/auth'
import { useAuthSession } from './auth-session'
import { detectReconnects, subscribeToEvents } from './events'

const PROGRESS = {
  type: 'job.progress',
  user_id: 'u1',
  job_id: '7b0a8f52-63e4-4d3c-9a41-2f1e0c5d9a10',
  status: 'running',
  stage: 'prose',
  progress: 0.5,
  cost_usd: 0.1,
  eta_s: null,
}

/** A stream body that says everything in `text`, then ends (the connection drops) or stays. */
function body(text: string, keepOpen: boolean): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
      if (!keepOpen) controller.close()
    },
  })
}

describe('reconnect detection', () => {
  it('stays quiet on the first ready and speaks up on every later one', () => {
    const onReconnect = vi.fn()
    const ready = detectReconnects(onReconnect)
    ready()
    expect(onReconnect).not.toHaveBeenCalled()
    ready()
    ready()
    expect(onReconnect).toHaveBeenCalledTimes(2)
  })
})

describe('the shared event stream', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('asks for a resync when the server says ready again after the stream dropped', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('window', {})
    const ready = 'event: ready\ndata: {"user_id":"u1"}\n\n'
    const answers = [
      // The first connection delivers one event, then breaks.
      `${ready}data: ${JSON.stringify(PROGRESS)}\n\n`,
      ready,
    ]
    const fetch = vi.fn(async () => {
      const index = fetch.mock.calls.length - 1
      return new Response(body(answers[index] ?? '', index > 0))
    })
    vi.stubGlobal('fetch', fetch)
    useAuthSession.getState().start({ access_token: 'token' } as AuthResponse)
    const events: unknown[] = []
    const onResync = vi.fn()

    const unsubscribe = subscribeToEvents((event) => events.push(event), onResync)
    await vi.waitFor(() => expect(events).toHaveLength(1))
    expect(onResync).not.toHaveBeenCalled()
    // The reconnect waits out its backoff; nothing is fetched again before the server is back.
    await vi.advanceTimersByTimeAsync(2_000)
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2))
    await vi.waitFor(() => expect(onResync).toHaveBeenCalledTimes(1))
    expect(events).toHaveLength(1)
    unsubscribe()
  })
})
