import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../testing/test-core'
import { createShutdown, type ShutdownOptions } from './shutdown'

/** A promise with its resolve function, to decide by hand when things happen. */
function deferred<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

function setUp(overrides: Partial<ShutdownOptions> = {}) {
  const memory = createMemoryLogger()
  const steps: string[] = []
  const timer = deferred()
  const core = {
    close: async () => {
      steps.push('close')
    },
  }
  const shutDown = createShutdown({
    startup: () => Promise.resolve(),
    core: () => core,
    detach: () => steps.push('detach'),
    log: memory.log,
    wait: () => timer.promise,
    ...overrides,
  })
  return { shutDown, steps, timer, memory, core }
}

describe('quitting', () => {
  it('waits for a start-up still running, then closes the core it built', async () => {
    const startup = deferred()
    const started: { core?: { close(): Promise<void> } } = {}
    const { shutDown, steps } = setUp({ startup: () => startup.promise, core: () => started.core })

    const outcome = shutDown()
    await Promise.resolve()
    expect(steps).toEqual(['detach'])
    started.core = { close: async () => void steps.push('close') }
    startup.resolve()

    expect(await outcome).toBe('closed')
    expect(steps).toEqual(['detach', 'close'])
  })

  it('detaches the windows before closing, and closes once however often it is asked', async () => {
    const { shutDown, steps } = setUp()

    const outcomes = await Promise.all([shutDown(), shutDown()])

    expect(outcomes).toEqual(['closed', 'closed'])
    expect(steps).toEqual(['detach', 'close'])
  })

  it('gives up on a core that does not close in time, and says so', async () => {
    const { shutDown, timer, memory } = setUp({
      core: () => ({ close: () => new Promise<void>(() => {}) }),
    })

    const outcome = shutDown()
    timer.resolve()

    expect(await outcome).toBe('timed-out')
    expect(memory.lines().map((l) => l.msg)).toContain('core did not close in time; exiting')
  })

  it('has nothing to close after a failed start', async () => {
    const { shutDown } = setUp({
      startup: () => Promise.reject(new Error('x')),
      core: () => undefined,
    })

    expect(await shutDown()).toBe('nothing-to-close')
  })
})
