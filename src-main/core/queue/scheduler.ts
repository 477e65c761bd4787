import { hostname } from 'node:os'
import { and, eq, sql } from 'drizzle-orm'
import type { FromWorker } from '@shared/contracts/worker-protocol'
import { hasProvider } from '../config/load-settings'
import type { Settings } from '../config/settings-schema'
import type { Database } from '../db/open-database'
import { generationJobs } from '../db/schema'
import type { EventBus } from '../events/event-bus'
import type { JobControl } from '../jobs/jobs-service'
import type { Logger } from '../logging/logger'
import type { WorkerPool, WorkerSlot } from '../workers/worker-pool'
import { claimNextJob, requeueOrphanedJobs } from './claim'
import { stopJob } from './finish-job'
import { publishProgress } from '../jobs/job-events'
import { recordWorkerMessage, type RunningJob } from './job-recorder'
import { buildWorkerJob } from './worker-job'

export interface SchedulerDeps {
  db: Database
  events: EventBus
  log: Logger
  now: () => Date
  settings: () => Settings
}

/** Claims per job before it is failed for good (it stays resumable). */
export const MAX_ATTEMPTS = 3
/** A running job must stop this soon after the writer cancels it. */
const CANCEL_GRACE_MS = 1_500
const TICK_MS = 1_000

/**
 * Moves jobs from the queue to idle workers and records what the workers report. It holds no
 * transaction across a model call: every write is a short statement on a worker message.
 */
export class Scheduler implements JobControl {
  private pool!: WorkerPool
  private readonly running = new Map<string, { job: RunningJob; chain: Promise<void> }>()
  private timer: NodeJS.Timeout | undefined
  private ticking = false
  private again = false
  private stopped = false

  constructor(private readonly deps: SchedulerDeps) {}

  async start(pool: WorkerPool): Promise<void> {
    this.pool = pool
    const requeued = await requeueOrphanedJobs(this.deps.db, this.deps.now())
    if (requeued > 0)
      this.deps.log.warn({ requeued }, 'jobs left running by an earlier run queued again')
    this.timer = setInterval(() => this.wake(), TICK_MS)
    this.timer.unref()
  }

  wake(): void {
    if (this.stopped) return
    if (this.ticking) {
      this.again = true
      return
    }
    this.ticking = true
    void this.fillIdleWorkers()
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
    const slot = this.pool?.slotOf(jobId)
    if (!slot) return
    this.pool.send(slot, { type: 'cancel', jobId })
    // A worker stuck in a call that ignores the abort is killed so the cancel still lands.
    setTimeout(() => {
      if (slot.jobId !== jobId) return
      this.pool.terminate(slot, 'did not stop after cancel')
    }, CANCEL_GRACE_MS).unref()
  }

  /** Called by the pool for every valid worker message. */
  handleMessage(slot: WorkerSlot, message: FromWorker): void {
    // While stopping, a worker's last words (an abort at shutdown) must not end its job: the
    // job is queued again and resumes from its checkpoints at the next start.
    if (this.stopped && message.type !== 'log') return
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
    if (message.type === 'heartbeat' || !('jobId' in message)) return
    const entry = this.running.get(message.jobId)
    if (!entry) return
    entry.chain = entry.chain
      .then(async () => {
        const finished = await recordWorkerMessage(this.deps, entry.job, message)
        if (finished) this.release(slot, entry.job.id)
      })
      .catch((error: unknown) =>
        this.deps.log.error({ err: error, job: entry.job.id }, 'recording a worker message failed'),
      )
  }

  /** A worker died or went silent: its job is queued again with backoff, or failed. */
  handleLost(_slot: WorkerSlot, jobId: string | null, reason: string): void {
    if (!jobId) return
    const entry = this.running.get(jobId)
    this.running.delete(jobId)
    void (entry?.chain ?? Promise.resolve())
      .then(() => this.recover(jobId, reason))
      .catch((error: unknown) =>
        this.deps.log.error({ err: error, job: jobId }, 'recovering a lost job failed'),
      )
      .finally(() => this.wake())
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    await Promise.all([...this.running.values()].map((e) => e.chain))
    // Jobs still running resume from their checkpoints at the next start; this run does not
    // count as one of their attempts.
    await this.deps.db
      .update(generationJobs)
      .set({
        status: 'queued',
        workerId: null,
        attempts: sql`greatest(${generationJobs.attempts} - 1, 0)`,
      })
      .where(eq(generationJobs.status, 'running'))
  }

  private async fillIdleWorkers(): Promise<void> {
    if (!hasProvider(this.deps.settings())) return
    for (let slot = this.pool.idleSlot(); slot; slot = this.pool.idleSlot()) {
      const workerId = `${hostname()}:${process.pid}:${slot.name}`
      const row = await claimNextJob(this.deps.db, workerId, this.deps.now())
      if (!row) return
      const job = { id: row.id, userId: row.userId, projectId: row.projectId }
      slot.jobId = row.id
      this.running.set(row.id, { job, chain: Promise.resolve() })
      try {
        const workerJob = await buildWorkerJob(this.deps.db, row, this.deps.settings())
        this.pool.send(slot, { type: 'start', job: workerJob })
        this.deps.log.info({ job: row.id, worker: slot.name, attempt: row.attempts }, 'job started')
        publishProgress(this.deps.events, row, this.deps.now())
      } catch (error) {
        this.release(slot, row.id)
        const message = (error as Error).message
        const stopped = await stopJob(
          this.deps.db,
          row.id,
          { kind: 'internal', message, retryable: false },
          this.deps.now(),
        )
        publishProgress(this.deps.events, stopped, this.deps.now(), message)
      }
    }
  }

  private release(slot: WorkerSlot, jobId: string): void {
    this.running.delete(jobId)
    if (slot.jobId === jobId) slot.jobId = null
    this.wake()
  }

  private async recover(jobId: string, reason: string): Promise<void> {
    const { db, now, log } = this.deps
    const row = await db.query.generationJobs.findFirst({ where: eq(generationJobs.id, jobId) })
    if (!row || row.status !== 'running') return
    if (row.cancelRequested) {
      const stopped = await stopJob(
        db,
        jobId,
        { kind: 'cancelled', message: 'Cancelled by the writer', retryable: false },
        now(),
      )
      publishProgress(this.deps.events, stopped, now())
      return
    }
    if (row.attempts >= MAX_ATTEMPTS) {
      const message = `The worker failed ${row.attempts} times (last: ${reason}); resume the job to try again`
      const stopped = await stopJob(
        db,
        jobId,
        { kind: 'internal', message, retryable: true },
        now(),
      )
      publishProgress(this.deps.events, stopped, now())
      return
    }
    const delayMs = 1_000 * 2 ** (row.attempts - 1) * (0.5 + Math.random() / 2)
    await db
      .update(generationJobs)
      .set({
        status: 'queued',
        workerId: null,
        runAfter: new Date(now().getTime() + delayMs),
        updatedAt: now(),
      })
      .where(and(eq(generationJobs.id, jobId), eq(generationJobs.status, 'running')))
    log.warn(
      { job: jobId, attempt: row.attempts, reason, delayMs: Math.round(delayMs) },
      'job queued again after a lost worker',
    )
  }
}
