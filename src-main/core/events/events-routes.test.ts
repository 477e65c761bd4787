import type { PushEvent } from '@shared/contracts/events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, signUp, type Writer } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

let core: TestCore
let writer: Writer
let other: Writer
beforeAll(async () => {
  core = await createTestCore()
  writer = await signUp(core)
  other = await signUp(core)
})
afterAll(() => core.dispose())

interface SseMessage {
  event?: string
  data: string
}

/** Reads server-sent events from a response body, one message at a time. */
function readMessages(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  return {
    async next(): Promise<SseMessage> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const message = parseBlock(block)
          if (message) return message
          continue
        }
        const { done, value } = await reader.read()
        if (done) throw new Error('the stream ended')
        buffer += decoder.decode(value, { stream: true })
      }
    },
    cancel: () => reader.cancel(),
  }
}

/** A comment-only block (keep-alive) has no data and yields nothing. */
function parseBlock(block: string): SseMessage | null {
  const message: SseMessage = { data: '' }
  let hasData = false
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) message.event = line.slice(6).trim()
    if (line.startsWith('data:')) {
      message.data += line.slice(5).trim()
      hasData = true
    }
  }
  return hasData ? message : null
}

function progress(userId: string, jobId: string): PushEvent {
  return {
    type: 'job.progress',
    user_id: userId,
    job_id: jobId,
    status: 'running',
    stage: 'world',
    progress: 0.2,
    cost_usd: 0.01,
    eta_s: 120,
  }
}

async function openStream(token: string, signal?: AbortSignal) {
  const path = `/api/events?access_token=${token}`
  const res = await core.app.request(path, { signal }, { ipcClient: 'sse' })
  return { res, messages: readMessages(res.body!) }
}

describe('the event stream', () => {
  it('refuses a request without a token', async () => {
    const res = await call(core, 'GET', '/api/events')

    expect(res.status).toBe(401)
  })

  it('takes the token from the query, as EventSource needs', async () => {
    const { res, messages } = await openStream(writer.token)

    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    await messages.cancel()
  })

  it('says ready first, then delivers the user’s own events and no one else’s', async () => {
    const { messages } = await openStream(writer.token)

    const ready = await messages.next()
    expect(ready).toEqual({
      event: 'ready',
      data: JSON.stringify({ user_id: writer.auth.user.id }),
    })

    core.events.publish(progress(other.auth.user.id, 'job-of-someone-else'))
    core.events.publish(progress(writer.auth.user.id, 'job-of-the-writer'))
    const delivered = JSON.parse((await messages.next()).data)

    expect(delivered).toMatchObject({ type: 'job.progress', job_id: 'job-of-the-writer' })
    await messages.cancel()
  })

  it('stops listening on the bus when the client closes the stream', async () => {
    const before = core.events.size
    const { messages } = await openStream(writer.token)
    await messages.next()
    expect(core.events.size).toBe(before + 1)

    await messages.cancel()

    expect(core.events.size).toBe(before)
  })

  it('stops listening on the bus when the request is aborted', async () => {
    const before = core.events.size
    const request = new AbortController()
    const { messages } = await openStream(writer.token, request.signal)
    await messages.next()
    expect(core.events.size).toBe(before + 1)

    request.abort()

    expect(core.events.size).toBe(before)
  })
})
