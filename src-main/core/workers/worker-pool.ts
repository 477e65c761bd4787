import { FromWorkerSchema, type FromWorker, type ToWorker } from '@shared/contracts/worker-protocol'
import type { Logger } from '../logging/logger'
import { nextExitStreak, restartDelayMs } from './restart-backoff'
import type { SpawnWorker, WorkerProcess } from './worker-process'

export interface WorkerSlot {
  readonly name: string
  process: WorkerProcess
  /** The job this worker runs, or null when idle. */
  jobId: string | null
  ready: boolean
  lastHeartbeat: number
  /** When the process was forked, on the pool's clock. */
  readonly startedAt: number
}

export interface WorkerPoolOptions {
  spawn: SpawnWorker
  /** How many workers to keep. Read again every second, so a change in Settings applies live. */
  size: () => number
  heartbeatTimeoutMs: number
  /** How long quitting waits for busy workers to checkpoint the work in flight. */
  drainTimeoutMs?: number
  log: Logger
  /** Milliseconds, monotonic; tests pass their own. */
  clock?: () => number
  onMessage(slot: WorkerSlot, message: FromWorker): void
  /** A worker exited or went silent; a replacement is on its way unless the pool shrank. */
  onLost(slot: WorkerSlot, jobId: string | null, reason: string): void
}

export interface PoolStats {
  configured: number
  alive: number
  busy: number
  lastHeartbeatAgoMs: number | null
  /** Workers waiting out their restart pause after exiting. */
  restarting: { name: string; inMs: number; exitsInARow: number }[]
}

/** Quitting waits this long for a busy worker to save its work in flight, then aborts it. */
export const DRAIN_TIMEOUT_MS = 20_000
const WATCH_INTERVAL_MS = 1_000
/** An idle or aborted worker has this long to exit before it is killed. */
export const EXIT_GRACE_MS = 2_000

interface PendingRestart {
  timer: NodeJS.Timeout
  at: number
}

/**
 * Keeps as many workers alive as the settings ask for. Each sends heartbeats; one that exits
 * or stays silent past the timeout is killed and, after a pause that grows while it keeps
 * dying young, replaced; the scheduler is told which job it held.
 */
export class WorkerPool {
  private readonly slots: WorkerSlot[] = []
  /** Busy workers past the configured number; they leave when their job ends. */
  private readonly retiring = new Set<WorkerSlot>()
  private readonly restarts = new Map<string, PendingRestart>()
  private readonly exitStreaks = new Map<string, number>()
  private readonly clock: () => number
  private watchdog: NodeJS.Timeout | undefined
  private stopping = false

  constructor(private readonly options: WorkerPoolOptions) {
    this.clock = options.clock ?? (() => performance.now())
  }

  start(): void {
    this.resize()
    this.watchdog = setInterval(() => this.watch(), WATCH_INTERVAL_MS)
    this.watchdog.unref()
  }

  idleSlot(): WorkerSlot | undefined {
    return this.slots.find((s) => s.ready && s.jobId === null && !this.retiring.has(s))
  }

  /**
   * Whether the slot still belongs to the pool and may take a job. A worker can exit or be
   * retired while the scheduler claims a job for it; the claim is then handed back.
   */
  holds(slot: WorkerSlot): boolean {
    return this.slots.includes(slot) && !this.retiring.has(slot) && !this.stopping
  }

  send(slot: WorkerSlot, message: ToWorker): void {
    slot.process.post(message)
  }

  /** Kills a worker at once (a cancel it did not honour, a silent worker). */
  terminate(slot: WorkerSlot, reason: string): void {
    this.options.log.warn({ worker: slot.name, job: slot.jobId, reason }, 'terminating worker')
    slot.process.kill()
  }

  stats(): PoolStats {
    const alive = this.slots.filter((s) => s.ready)
    const newest = Math.max(0, ...alive.map((s) => s.lastHeartbeat))
    const now = this.clock()
    return {
      configured: this.options.size(),
      alive: alive.length,
      busy: this.slots.filter((s) => s.jobId !== null).length,
      lastHeartbeatAgoMs: newest > 0 ? Math.round(now - newest) : null,
      restarting: [...this.restarts].map(([name, r]) => ({
        name,
        inMs: Math.max(0, Math.round(r.at - now)),
        exitsInARow: this.exitStreaks.get(name) ?? 0,
      })),
    }
  }

  /**
   * Brings the number of workers to the configured one: new workers are forked; surplus ones
   * leave idle first, busy ones once their job ends, so no job is cut short by a resize.
   */
  resize(): void {
    if (this.stopping) return
    let surplus = this.slots.length + this.restarts.size - this.options.size()
    for (; surplus < 0; surplus++) this.startWorker(this.freeName())

    for (const [name, restart] of [...this.restarts]) {
      if (surplus <= 0) break
      clearTimeout(restart.timer)
      this.restarts.delete(name)
      surplus--
    }
    // Chosen afresh each round, so a worker that just went idle leaves before a busy one.
    this.retiring.clear()
    const idleFirst = [...this.slots].sort(
      (a, b) => Number(a.jobId !== null) - Number(b.jobId !== null),
    )
    for (const slot of idleFirst.slice(0, Math.max(0, surplus))) this.retiring.add(slot)
    for (const slot of [...this.retiring]) if (slot.jobId === null) this.retire(slot)
  }

  /**
   * Stops every worker. A busy one is asked to drain: the model call in flight finishes and
   * is checkpointed (its messages are still delivered) before the job stops, within the drain
   * timeout; after that it is aborted, and killed if it still does not exit.
   */
  async stop(): Promise<void> {
    this.stopping = true
    clearInterval(this.watchdog)
    for (const restart of this.restarts.values()) clearTimeout(restart.timer)
    this.restarts.clear()
    const drainMs = this.options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS
    await Promise.all(this.slots.map((slot) => this.stopWorker(slot, slot.jobId ? drainMs : 0)))
  }

  private startWorker(name: string): void {
    let process: WorkerProcess
    try {
      process = this.options.spawn(name)
    } catch (error) {
      this.options.log.error({ err: error, worker: name }, 'worker could not be started')
      this.scheduleRestart(name, this.clock())
      return
    }
    const slot: WorkerSlot = {
      name,
      process,
      jobId: null,
      ready: false,
      lastHeartbeat: this.clock(),
      startedAt: this.clock(),
    }
    this.slots.push(slot)
    const log = this.options.log.child({ worker: name, pid: process.pid })
    process.onMessage((raw) => {
      const parsed = FromWorkerSchema.safeParse(raw)
      if (!parsed.success) {
        log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'ignored malformed worker message')
        return
      }
      slot.lastHeartbeat = this.clock()
      if (parsed.data.type === 'ready') {
        slot.ready = true
        log.info('worker started')
      }
      this.options.onMessage(slot, parsed.data)
    })
    process.onExit((code) => this.handleExit(slot, `exited with code ${code}`))
  }

  private handleExit(slot: WorkerSlot, reason: string): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    const jobId = slot.jobId
    const retired = this.retiring.delete(slot)
    slot.jobId = null
    slot.ready = false
    if (this.stopping) return

    if (!retired) {
      this.scheduleRestart(slot.name, slot.startedAt)
      const restart = this.restarts.get(slot.name)
      const restartInMs = restart ? Math.round(restart.at - this.clock()) : null
      const exitsInARow = this.exitStreaks.get(slot.name)
      this.options.log.warn(
        { worker: slot.name, job: jobId, reason, restartInMs, exitsInARow },
        'worker lost; starting a new one after a pause',
      )
    }
    this.options.onLost(slot, jobId, reason)
  }

  private scheduleRestart(name: string, startedAt: number): void {
    const streak = nextExitStreak(this.exitStreaks.get(name) ?? 0, this.clock() - startedAt)
    this.exitStreaks.set(name, streak)
    const delayMs = restartDelayMs(streak)
    const timer = setTimeout(() => {
      this.restarts.delete(name)
      if (!this.stopping) this.startWorker(name)
    }, delayMs)
    timer.unref()
    this.restarts.set(name, { timer, at: this.clock() + delayMs })
  }

  /** Lets a surplus idle worker go; it exits without being replaced. */
  private retire(slot: WorkerSlot): void {
    this.slots.splice(this.slots.indexOf(slot), 1)
    this.retiring.delete(slot)
    this.options.log.info({ worker: slot.name }, 'worker retired: fewer workers configured')
    void this.stopWorker(slot, 0)
  }

  private stopWorker(slot: WorkerSlot, drainMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined
      const abort = () => {
        slot.process.post({ type: 'shutdown' } satisfies ToWorker)
        timer = setTimeout(() => {
          slot.process.kill()
          resolve()
        }, EXIT_GRACE_MS)
      }
      slot.process.onExit(() => {
        clearTimeout(timer)
        resolve()
      })
      if (drainMs <= 0) return abort()
      slot.process.post({ type: 'drain' } satisfies ToWorker)
      timer = setTimeout(abort, drainMs)
    })
  }

  private watch(): void {
    this.resize()
    const now = this.clock()
    for (const slot of this.slots) {
      if (now - slot.lastHeartbeat > this.options.heartbeatTimeoutMs) {
        const silentFor = Math.round((now - slot.lastHeartbeat) / 1000)
        this.terminate(slot, `no heartbeat for ${silentFor} s`)
        slot.lastHeartbeat = now
      }
    }
  }

  private freeName(): string {
    const taken = new Set([...this.slots.map((s) => s.name), ...this.restarts.keys()])
    let n = 1
    while (taken.has(`worker-${n}`)) n++
    return `worker-${n}`
  }
}
