import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ToWorker } from '@shared/contracts/worker-protocol'
import { workersCheck } from '../health/engine-checks'
import { createSilentLogger } from '../logging/logger'
import { restartDelayMs } from './restart-backoff'
import { WorkerPool, type WorkerPoolOptions, type WorkerSlot } from './worker-pool'
import type { WorkerProcess } from './worker-process'

/** A worker process the test drives by hand: it says ready, exits, or keeps silent. */
interface FakeProcess extends WorkerProcess {
  name: string
  received: ToWorker[]
  exited: boolean
  say(message: unknown): void
  exit(code: number | null): void
}

function fakeProcess(name: string, pid: number): FakeProcess {
  const messageListeners: ((message: unknown) => void)[] = []
  const exitListeners: ((code: number | null) => void)[] = []
  const process: FakeProcess = {
    name,
    pid,
    received: [],
    exited: false,
    post: (message) => void process.received.push(message as ToWorker),
    onMessage: (listener) => void messageListeners.push(listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => process.exit(null),
    say: (message) => messageListeners.forEach((l) => l(message)),
    exit: (code) => {
      if (process.exited) return
      process.exited = true
      exitListeners.forEach((l) => l(code))
    },
  }
  return process
}

let clock = 0
let spawned: FakeProcess[] = []
let size = 1
let lost: { jobId: string | null; reason: string }[] = []

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  clock = 0
  spawned = []
  size = 1
  lost = []
})
afterEach(() => vi.useRealTimers())

function createPool(options: Partial<WorkerPoolOptions> = {}) {
  const pool = new WorkerPool({
    spawn: (name) => {
      const process = fakeProcess(name, spawned.length + 1)
      spawned.push(process)
      return process
    },
    size: () => size,
    heartbeatTimeoutMs: 600_000,
    drainTimeoutMs: 5_000,
    log: createSilentLogger(),
    clock: () => clock,
    onMessage: () => {},
    onLost: (_slot, jobId, reason) => void lost.push({ jobId, reason }),
    ...options,
  })
  pool.start()
  return pool
}

/** Moves the pool's clock and its timers together. */
function advance(ms: number): void {
  clock += ms
  vi.advanceTimersByTime(ms)
}

const live = () => spawned.filter((p) => !p.exited)
const readyAll = () => live().forEach((p) => p.say({ type: 'ready', pid: p.pid }))

function busy(pool: WorkerPool, jobId: string): WorkerSlot {
  const slot = pool.idleSlot()!
  slot.jobId = jobId
  return slot
}

describe('restarting lost workers', () => {
  it('waits 0.5 s, then twice as long after each quick exit, up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(restartDelayMs)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ])
  })

  it('does not fork a worker that dies at start in a loop, and says so in the health check', async () => {
    const pool = createPool()
    const delays: number[] = []
    for (let i = 0; i < 5; i++) {
      live().at(-1)!.exit(1)
      const forked = spawned.length
      let waited = 0
      while (spawned.length === forked) {
        advance(250)
        waited += 250
      }
      delays.push(waited)
    }

    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000])
    live().at(-1)!.exit(1)
    const health = await workersCheck(pool).run()
    expect(health.status).toBe('down')
    expect(health.detail).toContain('worker-1 restarts in 16 s after 6 quick exits')
    await pool.stop()
  })

  it('starts the streak again once a worker has stayed alive for a minute', () => {
    const pool = createPool()
    spawned[0]!.exit(1)
    advance(500)
    spawned[1]!.exit(1)
    advance(1_000)
    expect(pool.stats().restarting).toEqual([])

    advance(60_000)
    spawned[2]!.exit(1)
    expect(pool.stats().restarting).toEqual([{ name: 'worker-1', inMs: 500, exitsInARow: 1 }])
  })

  it('tells the scheduler which job the lost worker held', () => {
    const pool = createPool()
    readyAll()
    busy(pool, 'job-7')
    spawned[0]!.exit(null)
    expect(lost).toEqual([{ jobId: 'job-7', reason: 'exited with code null' }])
  })
})

describe('resizing while running', () => {
  it('forks workers when more are configured, and reports the new number at once', async () => {
    const pool = createPool()
    readyAll()
    size = 3

    expect((await workersCheck(pool).run()).detail).toContain('1 of 3 alive')
    advance(1_000)
    readyAll()
    expect(live().map((p) => p.name)).toEqual(['worker-1', 'worker-2', 'worker-3'])
    expect(await workersCheck(pool).run()).toMatchObject({ status: 'ok' })
  })

  it('retires idle workers first and busy ones only after their job', () => {
    size = 3
    const pool = createPool()
    readyAll()
    const first = busy(pool, 'job-1')
    const second = busy(pool, 'job-2')

    size = 1
    advance(1_000)
    expect(spawned[2]!.received).toEqual([{ type: 'shutdown' }])
    spawned[2]!.exit(0)
    expect(spawned.slice(0, 2).map((p) => p.received)).toEqual([[], []])
    expect(pool.idleSlot()).toBeUndefined()

    first.jobId = null
    advance(1_000)
    expect(spawned[0]!.received).toEqual([{ type: 'shutdown' }])
    spawned[0]!.exit(0)
    expect(second.jobId).toBe('job-2')
    expect(live().map((p) => p.name)).toEqual(['worker-2'])
    expect(pool.stats()).toMatchObject({ configured: 1, alive: 1, busy: 1, restarting: [] })
    expect(lost).toEqual([])
  })

  it('keeps a busy worker it meant to retire when the number goes back up', () => {
    size = 2
    const pool = createPool()
    readyAll()
    busy(pool, 'job-1')
    busy(pool, 'job-2')
    size = 1
    advance(1_000)
    size = 2
    advance(1_000)

    expect(spawned).toHaveLength(2)
    expect(pool.stats()).toMatchObject({ configured: 2, alive: 2, busy: 2 })
  })
})

describe('stopping', () => {
  it('stops idle workers at once and lets a busy one drain, for a bounded time', async () => {
    size = 2
    const pool = createPool()
    readyAll()
    busy(pool, 'job-1')

    const stopped = pool.stop()
    expect(spawned[1]!.received).toEqual([{ type: 'shutdown' }])
    expect(spawned[0]!.received).toEqual([{ type: 'drain' }])
    spawned[1]!.exit(0)

    advance(4_999)
    expect(spawned[0]!.received).toEqual([{ type: 'drain' }])
    advance(1)
    expect(spawned[0]!.received).toEqual([{ type: 'drain' }, { type: 'shutdown' }])
    advance(2_000)
    await stopped
    expect(spawned[0]!.exited).toBe(true)
    expect(lost).toEqual([])
  })
})
