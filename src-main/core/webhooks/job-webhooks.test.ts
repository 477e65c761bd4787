import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { PushEvent } from '@shared/contracts/events'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { signUp, type Writer } from '../../testing/api-client'
import {
  createMemoryLogger,
  createTestCore,
  insertNarrative,
  TEST_JWT_SECRET,
  type TestCore,
} from '../../testing/test-core'
import { generationJobs } from '../db/schema'
import { EventBus } from '../events/event-bus'
import { startJobWebhooks, type JobWebhooks, type JobWebhooksOptions } from './job-webhooks'

interface Received {
  headers: IncomingHttpHeaders
  body: string
}

/** A webhook receiver on 127.0.0.1 that answers with the queued statuses, then 200. */
async function startReceiver() {
  const received: Received[] = []
  const statuses: number[] = []
  const waiting: (() => void)[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.writeHead(statuses.shift() ?? 200).end()
      waiting.splice(0).forEach((wake) => wake())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/narraforge?token=receiver-secret`,
    received,
    answer: (...next: number[]) => void statuses.push(...next),
    /** Resolves once `count` requests have arrived. */
    async waitFor(count: number) {
      while (received.length < count) await new Promise<void>((wake) => waiting.push(wake))
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

let core: TestCore
let writer: Writer
let jobId: string
let narrativeId: string
let receiver: Awaited<ReturnType<typeof startReceiver>>
const started: JobWebhooks[] = []

beforeAll(async () => {
  core = await createTestCore()
  receiver = await startReceiver()
  writer = await signUp(core)
  const project = await writer.call('POST', '/api/projects', { body: { name: 'Harbour' } })
  const [job] = await core.db
    .insert(generationJobs)
    .values({
      userId: writer.auth.user.id,
      projectId: project.json.id,
      status: 'completed',
      brief: {},
      quotaMonth: '2026-03',
      actualCostUsd: 0.42,
    })
    .returning()
  jobId = job!.id
  const owner = { userId: writer.auth.user.id, projectId: project.json.id as string }
  narrativeId = (await insertNarrative(core, owner, { jobId })).id
})
afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.stop()))
  receiver.received.length = 0
  await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: '' } })
})
afterAll(async () => {
  await receiver.close()
  await core.dispose()
})

type ProgressEvent = Extract<PushEvent, { type: 'job.progress' }>

function finished(status: ProgressEvent['status'], message?: string): ProgressEvent {
  const event = { type: 'job.progress', user_id: writer.auth.user.id, job_id: jobId } as const
  return { ...event, status, stage: null, progress: 1, cost_usd: 0.42, eta_s: null, message }
}

/** A webhook sender on its own bus, so the core's own sender does not deliver too. */
function startOnOwnBus(overrides: Partial<JobWebhooksOptions> = {}) {
  const events = new EventBus()
  const sleeps: number[] = []
  const webhooks = startJobWebhooks({
    db: core.db,
    events,
    log: core.log,
    now: core.clock.now,
    secret: TEST_JWT_SECRET,
    sleep: async (ms) => void sleeps.push(ms),
    ...overrides,
  })
  started.push(webhooks)
  return { events, sleeps, webhooks }
}

function expectedSignature(body: string): string {
  const key = createHmac('sha256', TEST_JWT_SECRET).update('webhook').digest()
  return `sha256=${createHmac('sha256', key).update(body).digest('hex')}`
}

describe('job webhooks', () => {
  it('POSTs one signed announcement when a job completes', async () => {
    await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: receiver.url } })

    core.events.publish(finished('completed'))
    await receiver.waitFor(1)

    const [request] = receiver.received
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-narraforge-event': 'job.completed',
      'x-narraforge-signature': expectedSignature(request!.body),
    })
    expect(JSON.parse(request!.body)).toEqual({
      event: 'job.completed',
      job_id: jobId,
      status: 'completed',
      cost_usd: 0.42,
      narrative_id: narrativeId,
      occurred_at: core.clock.now().toISOString(),
    })
    expect(receiver.received).toHaveLength(1)
  })

  it('says why a job failed and retries once after a 500, with the same delivery id', async () => {
    await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: receiver.url } })
    const { events, sleeps, webhooks } = startOnOwnBus()
    receiver.answer(500)

    events.publish(finished('failed', 'The provider refused the key'))
    await webhooks.idle()

    expect(receiver.received).toHaveLength(2)
    const [first, second] = receiver.received
    expect(second!.headers['x-narraforge-delivery']).toBe(first!.headers['x-narraforge-delivery'])
    expect(second!.headers['x-narraforge-signature']).toBe(expectedSignature(second!.body))
    expect(JSON.parse(second!.body)).toMatchObject({
      event: 'job.failed',
      message: 'The provider refused the key',
    })
    expect(JSON.parse(second!.body)).not.toHaveProperty('narrative_id')
    expect(sleeps).toEqual([1_000])
  })

  it('sends nothing for a user without a webhook, nor for jobs still going', async () => {
    const fetchSpy = vi.fn<typeof fetch>()
    const { events, webhooks } = startOnOwnBus({ fetch: fetchSpy })

    events.publish(finished('cancelled'))
    events.publish({ ...finished('running'), progress: 0.5 })
    await webhooks.idle()

    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('gives up after three failed attempts and warns without the query string', async () => {
    await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: receiver.url } })
    const memory = createMemoryLogger()
    const { events, sleeps, webhooks } = startOnOwnBus({ log: memory.log })
    receiver.answer(503, 502, 500, 200)

    events.publish(finished('cancelled'))
    await webhooks.idle()

    expect(receiver.received).toHaveLength(3)
    expect(sleeps).toHaveLength(2)
    const warning = memory.lines().find((l) => l.msg === 'webhook not delivered')
    expect(warning).toMatchObject({ level: 40, module: 'webhooks', reason: 'HTTP 500', attempt: 3 })
    expect(warning!.target).toMatch(/\/hooks\/narraforge$/)
    expect(JSON.stringify(memory.lines())).not.toContain('receiver-secret')
  })

  it('does not retry an answer the receiver means (4xx)', async () => {
    await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: receiver.url } })
    const { events, webhooks } = startOnOwnBus()
    receiver.answer(410)

    events.publish(finished('completed'))
    await webhooks.idle()

    expect(receiver.received).toHaveLength(1)
  })

  it('retries a refused connection and never throws into the bus', async () => {
    const closed = await startReceiver()
    await closed.close()
    await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: closed.url } })
    const { events, sleeps, webhooks } = startOnOwnBus()

    expect(() => events.publish(finished('completed'))).not.toThrow()
    await webhooks.idle()

    expect(sleeps).toEqual([1_000, 4_000])
  })

  it('abandons a delivery waiting to retry when stopped', async () => {
    await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: receiver.url } })
    // A wait that only ends when aborted: stop() hangs unless it cuts the backoff short.
    const { events, webhooks } = startOnOwnBus({
      sleep: (_ms, signal) =>
        new Promise((resolve) => signal.addEventListener('abort', () => resolve())),
    })
    receiver.answer(500)

    events.publish(finished('completed'))
    await receiver.waitFor(1)
    await webhooks.stop()

    expect(receiver.received).toHaveLength(1)
  })
})
