import { afterEach, describe, expect, it, vi } from 'vitest'
import { openEventStream, type EventStreamOptions } from './sse-stream'

function streamOf(text: string, keepOpen = false): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
      if (!keepOpen) controller.close()
    },
  })
}

function setup(answer: (token: string) => Response) {
  let token = 'first'
  let onToken: () => void = () => {}
  const messages: string[] = []
  const tokensSent: string[] = []
  const fakeFetch = vi.fn(async (_url: unknown, init?: RequestInit) => {
    const sent = (init?.headers as Record<string, string>).Authorization!.replace('Bearer ', '')
    tokensSent.push(sent)
    return answer(sent)
  })
  const options: EventStreamOptions = {
    url: '/api/events',
    accessToken: () => token,
    renew: async () => {
      token = 'second'
      onToken()
      return true
    },
    onMessage: (data) => messages.push(data),
    watchToken: (listener) => {
      onToken = listener
      return () => {}
    },
    fetch: fakeFetch as unknown as typeof fetch,
  }
  return { options, messages, tokensSent }
}

describe('event stream', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('hands over the data of every message, split across chunks or not', async () => {
    const body = 'event: ready\ndata: {"a":1}\n\n: keep-alive\n\ndata: {"b":2}\n\n'
    const { options, messages } = setup(() => new Response(streamOf(body, true)))
    const close = openEventStream(options)

    await vi.waitFor(() => expect(messages).toEqual(['{"a":1}', '{"b":2}']))
    close()
  })

  it('renews a refused token and re-opens with the new one', async () => {
    const { options, messages, tokensSent } = setup((token) =>
      token === 'first'
        ? new Response(null, { status: 401 })
        : new Response(streamOf('data: {"ok":true}\n\n', true)),
    )
    const close = openEventStream(options)

    await vi.waitFor(() => expect(messages).toEqual(['{"ok":true}']))
    expect(tokensSent).toEqual(['first', 'second'])
    close()
  })

  it('reconnects after the stream drops, waiting longer each time', async () => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    const { options, tokensSent } = setup(() => new Response(streamOf('data: {}\n\n')))
    const close = openEventStream(options)

    await vi.advanceTimersByTimeAsync(100)
    expect(tokensSent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(tokensSent).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(tokensSent).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(tokensSent).toHaveLength(3)
    close()
  })
})
