import { FromWorkerSchema, type FromWorker, type ToWorker } from '@shared/contracts/worker-protocol'
import type { Logger } from '../logging/logger'
import type { SpawnWorker, WorkerProcess } from './worker-process'

export interface WorkerSlot {
  readonly name: string
  process: WorkerProcess
  /** The job this worker runs, or null when idle. */
  jobId: string | null
  ready: boolean
  lastHeartbeat: number
}

export interface WorkerPoolOptions {
  spawn: SpawnWorker
  size: number
  heartbeatTimeoutMs: number
  log: Logger
  onMessage(slot: WorkerSlot, message: FromWorker): void
  /** A worker exited or went silent; its replacement is already starting. */
  onLost(slot: WorkerSlot, jobId: string | null, reason: string): void
}

const WATCH_INTERVAL_MS = 1_000

/**
 * Keeps `size` workers alive. Each sends heartbeats; one that exits or stays silent past the
 * timeout is killed and replaced, and the scheduler is told which job it held.
 */
export class WorkerPool {
  private readonly slots: WorkerSlot[] = []
  private watchdog: NodeJS.Timeout | undefined
  private stopping = false

  constructor(private readonly options: WorkerPoolOptions) {}

  start(): void {
    for (let i = 0; i < this.options.size; i++) this.slots.push(this.spawnSlot(`worker-${i + 1}`))
    this.watchdog = setInterval(() => this.checkHeartbeats(), WATCH_INTERVAL_MS)
    this.watchdog.unref()
  }

  idleSlot(): WorkerSlot | undefined {
    return this.slots.find((s) => s.ready && s.jobId === null)
  }

  slotOf(jobId: string): WorkerSlot | undefined {
    return this.slots.find((s) => s.jobId === jobId)
  }

  send(slot: WorkerSlot, message: ToWorker): void {
    slot.process.post(message)
  }

  /** Kills a worker at once (a cancel it did not honour, a silent worker). */
  terminate(slot: WorkerSlot, reason: string): void {
    this.options.log.warn({ worker: slot.name, job: slot.jobId, reason }, 'terminating worker')
    slot.process.kill()
  }

  stats(): { configured: number; alive: number; busy: number; lastHeartbeatAgoMs: number | null } {
    const alive = this.slots.filter((s) => s.ready)
    const newest = Math.max(0, ...alive.map((s) => s.lastHeartbeat))
    return {
      configured: this.options.size,
      alive: alive.length,
      busy: this.slots.filter((s) => s.jobId !== null).length,
      lastHeartbeatAgoMs: newest > 0 ? Math.round(performance.now() - newest) : null,
    }
  }

  async stop(): Promise<void> {
    this.stopping = true
    clearInterval(this.watchdog)
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              slot.process.kill()
              resolve()
            }, 2_000)
            slot.process.onExit(() => {
              clearTimeout(timer)
              resolve()
            })
            slot.process.post({ type: 'shutdown' } satisfies ToWorker)
          }),
      ),
    )
  }

  private spawnSlot(name: string): WorkerSlot {
    const slot: WorkerSlot = {
      name,
      process: this.options.spawn(name),
      jobId: null,
      ready: false,
      lastHeartbeat: performance.now(),
    }
    const log = this.options.log.child({ worker: name, pid: slot.process.pid })
    slot.process.onMessage((raw) => {
      const parsed = FromWorkerSchema.safeParse(raw)
      if (!parsed.success) {
        log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'ignored malformed worker message')
        return
      }
      slot.lastHeartbeat = performance.now()
      if (parsed.data.type === 'ready') {
        slot.ready = true
        log.info('worker started')
      }
      this.options.onMessage(slot, parsed.data)
    })
    slot.process.onExit((code) => this.replace(slot, `exited with code ${code}`))
    return slot
  }

  private replace(slot: WorkerSlot, reason: string): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    const jobId = slot.jobId
    slot.jobId = null
    slot.ready = false
    if (this.stopping) return
    this.options.log.warn(
      { worker: slot.name, job: jobId, reason },
      'worker lost; starting a new one',
    )
    this.slots[index] = this.spawnSlot(slot.name)
    this.options.onLost(slot, jobId, reason)
  }

  private checkHeartbeats(): void {
    const now = performance.now()
    for (const slot of this.slots) {
      if (now - slot.lastHeartbeat > this.options.heartbeatTimeoutMs) {
        const silentFor = Math.round((now - slot.lastHeartbeat) / 1000)
        this.terminate(slot, `no heartbeat for ${silentFor} s`)
        slot.lastHeartbeat = now
      }
    }
  }
}
