import type { ServerResponse } from 'node:http'

/** One server-sent event; `data` objects are sent as JSON, strings verbatim. */
export interface SseFrame {
  event?: string
  data: unknown
}

/** A streamed answer: opening frames, one frame per content chunk, closing frames. */
export interface SseBody {
  head: SseFrame[]
  deltas: SseFrame[]
  tail: SseFrame[]
}

export interface StreamInterrupt {
  /** `stall` goes silent and keeps the socket open; `drop` destroys the socket. */
  mode: 'stall' | 'drop'
  afterChunks: number
}

/**
 * Streams `body` as `text/event-stream`. Each frame waits for its write to flush and then
 * yields to the event loop, so chunks reach the client as separate reads the way a real
 * provider's do, and a drop never discards frames that were already "sent".
 */
export async function writeSse(
  res: ServerResponse,
  body: SseBody,
  interrupt?: StreamInterrupt,
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  })
  for (const frame of body.head) await writeFrame(res, frame)

  for (const [index, frame] of body.deltas.entries()) {
    if (interrupt && index >= interrupt.afterChunks) return interruptStream(res, interrupt)
    await writeFrame(res, frame)
  }
  if (interrupt) return interruptStream(res, interrupt)

  for (const frame of body.tail) await writeFrame(res, frame)
  res.end()
}

/** Sends a plain JSON response. */
export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

function interruptStream(res: ServerResponse, interrupt: StreamInterrupt): void {
  // A stalled stream is left open on purpose: the client's abort or the server's close ends it.
  if (interrupt.mode === 'drop') res.socket?.destroy()
}

function writeFrame(res: ServerResponse, frame: SseFrame): Promise<void> {
  const data = typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data)
  const text = `${frame.event ? `event: ${frame.event}\n` : ''}data: ${data}\n\n`
  return new Promise((resolve) => {
    if (res.destroyed) return resolve()
    res.write(text, () => setImmediate(resolve))
  })
}
