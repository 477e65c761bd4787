import type { CheckStatus } from '@shared/contracts/health'
import type { PushEvent } from '@shared/contracts/events'
import { describe, expect, it } from 'vitest'
import { TestClock } from '../../testing/test-core'
import { EventBus } from '../events/event-bus'
import { HealthRegistry, type CheckDefinition, type Schedule } from './health-registry'

const INTERVAL_MS = 30_000

/** Timers the test fires by hand instead of waiting for them. */
function manualTimers() {
  const timers: { callback: () => void; ms: number; cancelled: boolean }[] = []
  const schedule: Schedule = (callback, ms) => {
    const timer = { callback, ms, cancelled: false }
    timers.push(timer)
    return () => {
      timer.cancelled = true
    }
  }
  return { timers, schedule }
}

/** A registry with one check whose status the test sets, and the events it announced. */
function registryWithSwitch() {
  const bus = new EventBus()
  const announced: PushEvent[] = []
  bus.subscribe((e) => announced.push(e))
  const { timers, schedule } = manualTimers()
  const registry = new HealthRegistry(bus, new TestClock().now, { schedule })
  let status: CheckStatus = 'ok'
  let runs = 0
  const check: CheckDefinition = {
    name: 'disk',
    critical: true,
    async run() {
      runs += 1
      return { status, detail: status }
    },
  }
  registry.register(check)
  return {
    registry,
    timers,
    announced,
    setStatus: (next: CheckStatus) => (status = next),
    runs: () => runs,
  }
}

/** Fires the newest timer and resolves once the run it started has scheduled the next one. */
async function fireNewest(timers: ReturnType<typeof manualTimers>['timers']): Promise<void> {
  const count = timers.length
  timers.at(-1)!.callback()
  await expect.poll(() => timers.length).toBe(count + 1)
}

describe('periodic health checks', () => {
  it('run at the interval and announce only what changed', async () => {
    const { registry, timers, announced, setStatus, runs } = registryWithSwitch()

    registry.startPeriodicChecks(INTERVAL_MS)
    registry.startPeriodicChecks(INTERVAL_MS)
    expect(timers).toEqual([expect.objectContaining({ ms: INTERVAL_MS })])
    expect(runs()).toBe(0)

    await fireNewest(timers)
    expect(announced).toHaveLength(1)
    await fireNewest(timers)
    expect(announced).toHaveLength(1)

    setStatus('down')
    await fireNewest(timers)

    expect(runs()).toBe(3)
    expect(timers.every((t) => t.ms === INTERVAL_MS)).toBe(true)
    expect(announced).toHaveLength(2)
    expect(announced[1]).toMatchObject({
      type: 'health.changed',
      user_id: '*',
      checks: [expect.objectContaining({ name: 'disk', status: 'down' })],
    })
    await registry.stop()
  })

  it('respect cached checks: the background asks for cached answers, a re-check for fresh ones', async () => {
    const { registry, timers } = registryWithSwitch()
    const asked: boolean[] = []
    registry.registerDynamic((fresh) => {
      asked.push(fresh)
      return [
        {
          name: 'provider:openai',
          critical: true,
          run: async () => ({ status: 'ok', detail: '' }),
        },
      ]
    })

    registry.startPeriodicChecks(INTERVAL_MS)
    await fireNewest(timers)
    const periodic = [...asked]
    asked.length = 0
    await registry.runCheck('provider:openai')

    expect(periodic.every((fresh) => fresh === false)).toBe(true)
    expect(asked[0]).toBe(true)
    await registry.stop()
  })

  it('stop on close: the pending timer is cancelled and no new one is set', async () => {
    const { registry, timers } = registryWithSwitch()
    registry.startPeriodicChecks(INTERVAL_MS)
    await fireNewest(timers)

    await registry.stop()
    registry.startPeriodicChecks(INTERVAL_MS)

    expect(timers).toHaveLength(2)
    expect(timers[1]!.cancelled).toBe(true)
  })

  it('a run in progress when stopping finishes before stop resolves, and sets no timer', async () => {
    const { registry, timers, runs } = registryWithSwitch()
    registry.startPeriodicChecks(INTERVAL_MS)

    timers[0]!.callback()
    await registry.stop()

    expect(runs()).toBe(1)
    expect(timers).toHaveLength(1)
  })
})

describe('re-checking one dependency', () => {
  it('runs only that check, announces a change with the whole list, and knows unknown names', async () => {
    const { registry, announced, setStatus, runs } = registryWithSwitch()
    registry.register({
      name: 'database',
      critical: true,
      run: async () => ({ status: 'ok', detail: '' }),
    })
    await registry.runAll()
    const before = runs()

    setStatus('degraded')
    const result = await registry.runCheck('disk')

    expect(result).toMatchObject({ name: 'disk', status: 'degraded' })
    expect(runs()).toBe(before + 1)
    expect(announced.at(-1)).toMatchObject({
      type: 'health.changed',
      checks: expect.arrayContaining([
        expect.objectContaining({ name: 'database', status: 'ok' }),
        expect.objectContaining({ name: 'disk', status: 'degraded' }),
      ]),
    })
    expect(await registry.runCheck('nowhere')).toBeNull()
  })
})
