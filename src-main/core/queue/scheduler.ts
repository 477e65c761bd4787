import { eq } from 'drizzle-orm'
import type { FromWorker } from '@shared/contracts/worker-protocol'
import { hasProvider } from '../config/load-settings'
import type { Settings } from '../config/settings-schema'
import type { Database } from '../db/open-database'
import { generationJobs } from '../db/schema'
import type { EventBus } from '../events/event-bus'
import { publishProgress } from '../jobs/job-events'
import type { JobControl } from '../jobs/jobs-service'
import type { Logger } from '../logging/logger'
import type { ProjectJobControl } from '../projects/projects-service'
import type { WorkerPool, WorkerSlot } from '../workers/worker-pool'
import { claimNextJob } from './claim'
import { recordOrphanUsage, recordWorkerMessage, type RunningJob } from './job-recorder'
import { newInstanceId, touchJob, workerIdOf } from './job-ownership'
import {
  cancelJob,
  failToStart,
  handBackClaim,
  recoverLostJob,
  releaseOwnJobs,
  takeBackOrphans,
} from './recover-job'
import { buildWorkerJob } from './worker-job'

export { MAX_ATTEMPTS } from './recover-job'

export interface SchedulerDeps {
  db: Database
  events: EventBus
  log: Logger
  now: () => Date
  settings: () => Settings
  /**
   * True when no other process uses this database (PGlite behind the data-folder lock): every
   * job found running at start-up is then orphaned. See `job-ownership.ts`.
   */
  exclusiveQueue: boolean
}

interface RunningEntry {
  job: RunningJob
  slot: WorkerSlot
  workerId: string
  /** Messages of one job are written in the order they came. */
  chain: Promise<void>
  /** A stop was already sent to the worker. */
  aborting: boolean
  /** The job left the database (its project was deleted): nothing more is written for it. */
  discarded: boolean
}

/** A running job must stop this soon after the writer cancels it. */
const CANCEL_GRACE_MS = 1_500
const TICK_MS = 1_000

/**
 * Moves jobs from the queue to idle workers and records what the workers report. It holds no
 * transaction across a model call: every write is a short statement on a worker message.
 * Every heartbeat of a busy worker refreshes its job's `heartbeat_at` (so other instances see
 * it is alive) and reads `cancel_requested`, so a cancel made anywhere reaches the worker.
 */
export class Scheduler implements JobControl, ProjectJobControl {
  readonly instanceId = newInstanceId()
  private pool: WorkerPool | null = null
  private readonly running = new Map<string, RunningEntry>()
  private timer: NodeJS.Timeout | undefined
  private ticking = false
  private again = false
  private stopping = false
  private lastSweep = 0
  /** Claims, recoveries and sweeps under way, which `stop()` lets finish before the close. */
  private readonly inFlight = new Set<Promise<unknown>>()

  constructor(private readonly deps: SchedulerDeps) {}

  async start(pool: WorkerPool): Promise<void> {
    this.pool = pool
    this.lastSweep = this.deps.now().getTime()
    await this.takeBackOrphans(this.deps.exclusiveQueue)
    this.timer = setInterval(() => this.tick(), TICK_MS)
    this.timer.unref()
  }

  wake(): void {
    if (this.stopping) return
    if (this.ticking) {
      this.again = true
      return
    }
    this.ticking = true
    this.track(this.fillIdleWorkers())
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'scheduling failed'))
      .finally(() => {
        this.ticking = false
        if (this.again) {
          this.again = false
          this.wake()
        }
      })
  }

  async cancelRunning(jobId: string): Promise<void> {
    const entry = this.running.get(jobId)
    if (entry) this.abort(entry, 'cancelled by the writer')
  }

  /** The jobs were deleted with their project: their workers stop and nothing is recorded. */
  abandonJobs(jobIds: string[]): void {
    for (const id of jobIds) {
      const entry = this.running.get(id)
      if (!entry) continue
      entry.discarded = true
      this.abort(entry, 'its project was deleted')
    }
  }

  /** Called by the pool for every valid worker message. */
  handleMessage(slot: WorkerSlot, message: FromWorker): void {
    if (message.type === 'ready') return this.wake()
    if (message.type === 'log') {
      // The main log's own `module` binding stays; a second key of that name would make the
      // JSON line ambiguous, so the worker's module is relayed under its own name.
      const { module: workerModule, ...data } = message.data ?? {}
      this.deps.log[message.level](
        { worker: slot.name, worker_module: workerModule, ...data },
        message.msg,
      )
      return
    }
    if (!message.jobId) return
    const entry = this.running.get(message.jobId)
    if (!entry || entry.slot !== slot) return
    if (message.type === 'heartbeat') return this.enqueue(entry, () => this.checkIn(entry))
    if (entry.discarded) return this.enqueue(entry, () => this.recordDiscarded(entry, message))
    // Quitting drains a busy worker, which then stops its job as cancelled; the job is queued
    // again by `stop()` instead. Usage and checkpoints sent on the way are recorded as usual.
    if (this.stopping && message.type === 'failed' && message.error.kind === 'cancelled') {
      return this.enqueue(entry, async () => this.release(entry))
    }
    this.enqueue(entry, async () => {
      const outcome = await recordWorkerMessage(this.deps, entry.job, message).catch(
        async (error: unknown) => {
          if (await this.noticeDeleted(entry)) return this.recordDiscarded(entry, message)
          if (message.type === 'result' || message.type === 'failed') {
            await this.recoverUnrecordedEnd(entry, error)
            return undefined
          }
          throw error
        },
      )
      if (outcome?.finished) this.release(entry)
      else if (outcome?.cancelRequested) this.abort(entry, 'cancelled by the writer')
    })
  }

  /** A worker died or went silent: its job is queued again with backoff, or failed. */
  handleLost(_slot: WorkerSlot, jobId: string | null, reason: string): void {
    const entry = jobId ? this.running.get(jobId) : undefined
    if (!entry) return
    this.running.delete(entry.job.id)
    const recovery = entry.chain
      .then(async () => {
        if (!entry.discarded) await recoverLostJob(this.deps, entry.job.id, entry.workerId, reason)
      })
      .catch((error: unknown) =>
        this.deps.log.error({ err: error, job: entry.job.id }, 'recovering a lost job failed'),
      )
      .finally(() => this.wake())
    this.track(recovery)
  }

  /** Stops taking jobs; workers keep reporting while the pool drains them. */
  pause(): void {
    this.stopping = true
    clearInterval(this.timer)
  }

  /**
   * Call once the pool has stopped: waits for what the workers reported to be written, then
   * queues this instance's unfinished jobs again (they resume from their checkpoints).
   */
  async stop(): Promise<void> {
    this.pause()
    // What is under way may start more (a recovery wakes the scheduler): wait until it is quiet.
    do {
      const chains = [...this.running.values()].map((e) => e.chain)
      await Promise.allSettled([...this.inFlight, ...chains])
    } while (this.inFlight.size > 0)
    const requeued = await releaseOwnJobs(this.deps, this.instanceId)
    if (requeued > 0) this.deps.log.info({ requeued }, 'unfinished jobs queued for the next start')
  }

  private tick(): void {
    this.wake()
    const now = this.deps.now().getTime()
    if (now - this.lastSweep < this.deps.settings().WORKER_HEARTBEAT_TIMEOUT_MS) return
    this.lastSweep = now
    void this.track(this.takeBackOrphans(false)).catch((error: unknown) =>
      this.deps.log.error({ err: error }, 'looking for orphaned jobs failed'),
    )
  }

  /** Queues again the jobs of processes that are gone (rules in `job-ownership.ts`). */
  private async takeBackOrphans(exclusive: boolean): Promise<void> {
    const now = this.deps.now()
    const timeoutMs = this.deps.settings().WORKER_HEARTBEAT_TIMEOUT_MS
    const staleBefore = new Date(now.getTime() - timeoutMs)
    const rule = { now, instanceId: this.instanceId, staleBefore, exclusive }
    const requeued = await takeBackOrphans(this.deps, rule)
    if (requeued === 0) return
    this.deps.log.warn({ requeued }, 'jobs left running by a process that is gone queued again')
    this.wake()
  }

  private async fillIdleWorkers(): Promise<void> {
    const pool = this.pool
    if (!pool || !hasProvider(this.deps.settings())) return
    for (let slot = pool.idleSlot(); slot && !this.stopping; slot = pool.idleSlot()) {
      const workerId = workerIdOf(this.instanceId, slot.name)
      const row = await claimNextJob(this.deps.db, workerId, this.deps.now())
      if (!row) return
      if (!pool.holds(slot) || this.stopping) {
        await handBackClaim(this.deps.db, row.id, workerId, this.deps.now())
        continue
      }
      const entry: RunningEntry = {
        job: { id: row.id, userId: row.userId, projectId: row.projectId },
        slot,
        workerId,
        chain: Promise.resolve(),
        aborting: false,
        discarded: false,
      }
      slot.jobId = row.id
      this.running.set(row.id, entry)
      await this.startJob(pool, entry, row)
    }
  }

  private async startJob(
    pool: WorkerPool,
    entry: RunningEntry,
    row: typeof generationJobs.$inferSelect,
  ): Promise<void> {
    const { db, events, now, log } = this.deps
    try {
      const workerJob = await buildWorkerJob(db, row, this.deps.settings())
      // A cancel can land between the claim and here, while no worker held the job yet.
      const state = await touchJob(db, row.id, entry.workerId, now())
      if (this.running.get(row.id) !== entry) return
      // Quitting began meanwhile: the job stays this instance's and `stop()` queues it again.
      if (this.stopping) return this.release(entry)
      // Also a stop asked for while the claim was being prepared, before any worker had it.
      if (!state || state.cancelRequested || entry.aborting) {
        this.release(entry)
        if (state && !entry.discarded) await cancelJob(this.deps, row.id)
        return
      }
      pool.send(entry.slot, { type: 'start', job: workerJob })
      log.info({ job: row.id, worker: entry.slot.name, attempt: row.attempts }, 'job started')
      publishProgress(events, row, now())
    } catch (error) {
      this.release(entry)
      await failToStart(this.deps, row.id, error)
    }
  }

  /** Refreshes the job's heartbeat and acts on a cancel or a lost claim seen in the database. */
  private async checkIn(entry: RunningEntry): Promise<void> {
    const state = await touchJob(this.deps.db, entry.job.id, entry.workerId, this.deps.now())
    if (this.running.get(entry.job.id) !== entry) return
    if (state?.cancelRequested) return this.abort(entry, 'cancelled by the writer')
    if (state) return
    // Deleted, or taken back by another instance that thought this one gone: stop writing.
    this.deps.log.warn({ job: entry.job.id }, 'job no longer held by this instance; stopping it')
    entry.discarded = true
    this.abort(entry, 'no longer held by this instance')
  }

  /** A deleted job's paid calls stay in the ledger; its end frees the worker. */
  private async recordDiscarded(entry: RunningEntry, message: FromWorker): Promise<void> {
    if (message.type === 'usage') await recordOrphanUsage(this.deps, entry.job, message.usage)
    if (message.type === 'result' || message.type === 'failed') this.release(entry)
  }

  /**
   * The worker is done but its end could not be written: the worker is freed for other jobs
   * and the job treated as lost, so it runs again from its checkpoints instead of staying
   * `running` with nobody holding it.
   */
  private async recoverUnrecordedEnd(entry: RunningEntry, error: unknown): Promise<void> {
    this.deps.log.error({ err: error, job: entry.job.id }, 'the end of a job could not be recorded')
    this.release(entry)
    const reason = `its outcome could not be recorded (${(error as Error).message})`
    await recoverLostJob(this.deps, entry.job.id, entry.workerId, reason)
  }

  /** Whether a failed write was for a job deleted meanwhile; if so, its worker is stopped. */
  private async noticeDeleted(entry: RunningEntry): Promise<boolean> {
    const exists = await this.deps.db.query.generationJobs.findFirst({
      columns: { id: true },
      where: eq(generationJobs.id, entry.job.id),
    })
    if (exists) return false
    entry.discarded = true
    this.abort(entry, 'its job was deleted')
    return true
  }

  private abort(entry: RunningEntry, reason: string): void {
    const pool = this.pool
    if (entry.aborting || !pool) return
    entry.aborting = true
    const { slot } = entry
    this.deps.log.info({ job: entry.job.id, worker: slot.name, reason }, 'stopping a running job')
    pool.send(slot, { type: 'cancel', jobId: entry.job.id })
    // A worker stuck in a call that ignores the abort is killed so the stop still lands.
    setTimeout(() => {
      if (slot.jobId === entry.job.id) pool.terminate(slot, `did not stop (${reason})`)
    }, CANCEL_GRACE_MS).unref()
  }

  /** Remembers a promise until it settles, so `stop()` can wait for it. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work)
    const forget = () => void this.inFlight.delete(work)
    work.then(forget, forget)
    return work
  }

  private enqueue(entry: RunningEntry, work: () => Promise<void>): void {
    entry.chain = entry.chain
      .then(work)
      .catch((error: unknown) =>
        this.deps.log.error({ err: error, job: entry.job.id }, 'recording a worker message failed'),
      )
  }

  private release(entry: RunningEntry): void {
    if (this.running.get(entry.job.id) === entry) this.running.delete(entry.job.id)
    if (entry.slot.jobId === entry.job.id) entry.slot.jobId = null
    this.wake()
  }
}
