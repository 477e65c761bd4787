import { describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors/app-error'
import { createFakeModels, makeJob, messagesOf, runJob } from './pipeline-test-kit'

describe('a failing or cancelled job', () => {
  it('fails the job when a stage fails, and starts no later stage', async () => {
    const error = new AppError('provider', 'OpenAI is rate limiting requests', {
      details: { provider: 'openai', retryable: true },
    })
    const models = createFakeModels({ world: [{ error }] })
    const { outcome, messages } = await runJob(makeJob(), models)

    expect(outcome.status).toBe('failed')
    expect(messagesOf(messages, 'failed')[0]?.error).toEqual({
      kind: 'provider',
      message: 'OpenAI is rate limiting requests',
      retryable: true,
    })
    const started = messagesOf(messages, 'stage').filter((m) => m.state === 'started')
    expect(started.map((m) => m.stage)).toEqual(['brief', 'world'])
    expect(messagesOf(messages, 'result')).toHaveLength(0)
    expect(models.calls).toHaveLength(2)
  })

  it('reports an unexpected error as internal', async () => {
    const models = createFakeModels({ structure: [{ error: new TypeError('boom') }] })
    const { messages } = await runJob(makeJob(), models)

    expect(messagesOf(messages, 'failed')[0]?.error).toEqual({
      kind: 'internal',
      message: 'The pipeline failed: boom',
      retryable: false,
    })
  })

  it('stops promptly when cancelled mid-call, aborting the call in flight', async () => {
    const controller = new AbortController()
    const models = createFakeModels({ prose: [{ hang: true }] })
    models.onCall((call) => {
      if (call.kind === 'prose') queueMicrotask(() => controller.abort())
    })
    const { outcome, messages } = await runJob(makeJob(), models, controller.signal)

    expect(outcome.status).toBe('cancelled')
    expect(messagesOf(messages, 'failed')[0]?.error).toEqual({
      kind: 'cancelled',
      message: 'The job was cancelled',
      retryable: false,
    })
    expect(models.calls.at(-1)?.kind).toBe('prose')
    expect(models.calls.at(-1)?.request.signal).toBe(controller.signal)
    expect(messagesOf(messages, 'checkpoint').some((m) => m.key.startsWith('segment:'))).toBe(false)
  })

  it('makes no call at all for a job cancelled before it starts', async () => {
    const controller = new AbortController()
    controller.abort()
    const models = createFakeModels()
    const { outcome } = await runJob(makeJob(), models, controller.signal)

    expect(outcome.status).toBe('cancelled')
    expect(models.calls).toHaveLength(0)
  })
})
