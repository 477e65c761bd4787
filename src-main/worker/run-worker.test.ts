import { describe, expect, it, vi } from 'vitest'
import type { FromWorker } from '@shared/contracts/worker-protocol'
import { createFakeModels, makeJob, type FakeModels } from './pipeline/pipeline-test-kit'
import { startWorker } from './run-worker'
import type { WorkerPort } from './worker-port'

function createFakePort() {
  const sent: FromWorker[] = []
  const listeners: ((message: unknown) => void)[] = []
  const closers: (() => void)[] = []
  const port: WorkerPort = {
    send: (message) => void sent.push(message),
    onMessage: (listener) => void listeners.push(listener),
    onClose: (listener) => void closers.push(listener),
    flush: () => Promise.resolve(),
  }
  return {
    port,
    sent,
    deliver: (message: unknown) => listeners.forEach((l) => l(message)),
    close: () => closers.forEach((c) => c()),
    ofType: <T extends FromWorker['type']>(type: T) =>
      sent.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type),
  }
}

function boot(models: FakeModels = createFakeModels(), heartbeatMs = 60_000) {
  const fake = createFakePort()
  const exit = vi.fn()
  const worker = startWorker({
    port: fake.port,
    pid: 42,
    heartbeatMs,
    exit,
    createModels: () => models,
  })
  return { ...fake, exit, worker }
}

describe('the worker message loop', () => {
  it('announces itself with its pid', () => {
    const { sent } = boot()
    expect(sent[0]).toEqual({ type: 'ready', pid: 42 })
  })

  it('runs a job it is sent and reports its result', async () => {
    const { deliver, ofType, worker } = boot()
    deliver({ type: 'start', job: makeJob() })

    await vi.waitFor(() => expect(ofType('result')).toHaveLength(1))
    await worker.shutdown()
  })

  it('beats while it runs a job, naming the job', async () => {
    const models = createFakeModels({ brief_interpretation: [{ hang: true }] })
    const { deliver, ofType, worker } = boot(models, 5)
    deliver({ type: 'start', job: makeJob() })

    await vi.waitFor(() => expect(ofType('heartbeat').some((m) => m.jobId === 'job-1')).toBe(true))
    await worker.shutdown()
  })

  it('cancels the running job when asked', async () => {
    const models = createFakeModels({ brief_interpretation: [{ hang: true }] })
    const { deliver, ofType, worker } = boot(models)
    deliver({ type: 'start', job: makeJob() })
    await vi.waitFor(() => expect(models.calls).toHaveLength(1))

    deliver({ type: 'cancel', jobId: 'job-1' })
    await vi.waitFor(() => expect(ofType('failed')[0]?.error.kind).toBe('cancelled'))
    await worker.shutdown()
  })

  it('refuses a second job while one runs', async () => {
    const models = createFakeModels({ brief_interpretation: [{ hang: true }] })
    const { deliver, ofType, worker } = boot(models)
    deliver({ type: 'start', job: makeJob() })
    deliver({ type: 'start', job: makeJob({}, { id: 'job-2' }) })

    expect(ofType('failed')).toEqual([
      expect.objectContaining({
        jobId: 'job-2',
        error: expect.objectContaining({ retryable: true }),
      }),
    ])
    await worker.shutdown()
  })

  it('cancels its job and exits cleanly on shutdown', async () => {
    const models = createFakeModels({ brief_interpretation: [{ hang: true }] })
    const { deliver, ofType, exit } = boot(models)
    deliver({ type: 'start', job: makeJob() })
    await vi.waitFor(() => expect(models.calls).toHaveLength(1))

    deliver({ type: 'shutdown' })
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0))
    expect(ofType('failed')[0]?.error.kind).toBe('cancelled')
  })

  it('exits when the parent goes away', async () => {
    const { close, exit } = boot()
    close()
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0))
  })

  it('fails the job, and stays free for the next, when its models cannot be built', async () => {
    const fake = createFakePort()
    let calls = 0
    const worker = startWorker({
      port: fake.port,
      exit: vi.fn(),
      createModels: () => {
        calls++
        if (calls === 1) throw new Error('no providers')
        return createFakeModels()
      },
    })
    fake.deliver({ type: 'start', job: makeJob() })
    await vi.waitFor(() =>
      expect(fake.ofType('failed')[0]?.error.message).toContain('no providers'),
    )

    fake.deliver({ type: 'start', job: makeJob({}, { id: 'job-2' }) })
    await vi.waitFor(() => expect(fake.ofType('result')).toHaveLength(1))
    await worker.shutdown()
  })

  it('logs and ignores a message it cannot parse', async () => {
    const { deliver, ofType, worker } = boot()
    deliver({ type: 'start', job: { id: 'no brief' } })

    expect(ofType('log').some((m) => m.msg === 'ignored an invalid message')).toBe(true)
    expect(ofType('failed')).toHaveLength(0)
    await worker.shutdown()
  })

  it('keeps one model registry across jobs while the provider settings stay the same', async () => {
    const fake = createFakePort()
    const built: unknown[] = []
    const worker = startWorker({
      port: fake.port,
      exit: vi.fn(),
      createModels: (providers) => {
        built.push(providers)
        return createFakeModels()
      },
    })
    const openai = { openai: { apiKey: 'sk-one' } }
    for (const id of ['job-1', 'job-2']) {
      fake.deliver({ type: 'start', job: makeJob({}, { id, providers: openai }) })
      await vi.waitFor(() => expect(fake.ofType('result').map((m) => m.jobId)).toContain(id))
    }
    expect(built).toEqual([openai])

    const changed = { openai: { apiKey: 'sk-two' } }
    fake.deliver({ type: 'start', job: makeJob({}, { id: 'job-3', providers: changed }) })
    await vi.waitFor(() => expect(fake.ofType('result')).toHaveLength(3))
    expect(built).toEqual([openai, changed])
    await worker.shutdown()
  })

  it('on drain, lets the call in flight finish and be checkpointed, then stops and exits', async () => {
    const models = createFakeModels()
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const fake = createFakePort()
    const exit = vi.fn()
    startWorker({
      port: fake.port,
      exit,
      createModels: () => ({
        call: async (request) => {
          if (request.structured?.name === 'world') await held
          return models.call(request)
        },
      }),
    })
    fake.deliver({ type: 'start', job: makeJob() })
    await vi.waitFor(() => expect(models.kinds()).toContain('brief_interpretation'))
    await vi.waitFor(() => expect(fake.ofType('checkpoint')).toHaveLength(1))

    fake.deliver({ type: 'drain' })
    release()

    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0))
    expect(fake.ofType('checkpoint').map((m) => m.key)).toEqual(['stage:brief', 'stage:world'])
    expect(fake.ofType('usage').map((m) => m.usage.workKey)).toEqual(['stage:brief', 'stage:world'])
    expect(fake.ofType('failed')[0]?.error.kind).toBe('cancelled')
    expect(models.kinds()).not.toContain('characters')
  })

  it('exits at once on drain when it has no job', async () => {
    const { deliver, exit } = boot()
    deliver({ type: 'drain' })
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0))
  })
})
