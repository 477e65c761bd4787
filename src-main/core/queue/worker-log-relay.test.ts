import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../testing/test-core'
import type { Settings } from '../config/settings-schema'
import type { Database } from '../db/open-database'
import { EventBus } from '../events/event-bus'
import type { WorkerSlot } from '../workers/worker-pool'
import { Scheduler } from './scheduler'

describe('a worker’s log line relayed into the main log', () => {
  it('keeps the main log’s module and carries the worker’s module under its own key', () => {
    const memory = createMemoryLogger()
    const scheduler = new Scheduler({
      db: null as unknown as Database,
      events: new EventBus(),
      log: memory.log.child({ module: 'engine' }),
      now: () => new Date(),
      exclusiveQueue: true,
      settings: () => ({}) as Settings,
    })
    const slot = { name: 'worker-1' } as WorkerSlot

    scheduler.handleMessage(slot, {
      type: 'log',
      level: 'warn',
      msg: 'provider answered 429',
      data: { module: 'provider', provider: 'openai' },
    })

    const [line] = memory.lines()
    expect(line).toMatchObject({
      module: 'engine',
      worker: 'worker-1',
      worker_module: 'provider',
      provider: 'openai',
      msg: 'provider answered 429',
    })
  })
})
