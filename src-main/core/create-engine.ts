import type { Database } from './db/open-database'
import type { EventBus } from './events/event-bus'
import { engineChecks } from './health/engine-checks'
import type { HealthRegistry } from './health/health-registry'
import type { Logger } from './logging/logger'
import { Scheduler } from './queue/scheduler'
import type { SettingsStore } from './settings/settings-store'
import { WorkerPool } from './workers/worker-pool'
import type { SpawnWorker } from './workers/worker-process'

export interface Engine {
  scheduler: Scheduler
  pool: WorkerPool | null
  stop(): Promise<void>
}

export interface EngineOptions {
  db: Database
  events: EventBus
  health: HealthRegistry
  settings: SettingsStore
  log: Logger
  now: () => Date
  /** Null runs no workers (API-only tests): jobs queue up and wait. */
  spawnWorker: SpawnWorker | null
  /**
   * Whether this process is the database's only user. True for PGlite, the only database
   * the core opens today (the data-folder lock keeps other processes out); a PostgreSQL queue
   * shared by several servers must pass false. See `queue/job-ownership.ts`.
   */
  exclusiveQueue?: boolean
  /** How long quitting waits for busy workers to checkpoint their work in flight. */
  drainTimeoutMs?: number
}

/** The generation engine: a pool of worker processes fed from the jobs table by the scheduler. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const log = options.log.child({ module: 'engine' })
  const scheduler = new Scheduler({
    db: options.db,
    events: options.events,
    log,
    now: options.now,
    settings: options.settings.current,
    exclusiveQueue: options.exclusiveQueue ?? true,
  })
  if (!options.spawnWorker) return { scheduler, pool: null, stop: () => scheduler.stop() }

  const pool = new WorkerPool({
    spawn: options.spawnWorker,
    // Read at every watchdog round: a concurrency saved in Settings resizes the pool live.
    size: () => options.settings.current().WORKER_CONCURRENCY,
    heartbeatTimeoutMs: options.settings.current().WORKER_HEARTBEAT_TIMEOUT_MS,
    drainTimeoutMs: options.drainTimeoutMs,
    log,
    onMessage: (slot, message) => scheduler.handleMessage(slot, message),
    onLost: (slot, jobId, reason) => scheduler.handleLost(slot, jobId, reason),
  })
  for (const check of engineChecks(options.db, pool, options.now)) options.health.register(check)
  pool.start()
  try {
    await scheduler.start(pool)
  } catch (error) {
    // The core undoes a failed start, but it never got this engine to stop. Paused first, so
    // no worker's `ready` makes it claim a job while the pool goes.
    scheduler.pause()
    await pool.stop()
    throw error
  }
  return {
    scheduler,
    pool,
    // Quitting claims nothing more, lets busy workers checkpoint the work in flight (their
    // usage and checkpoints are still recorded), then queues what is unfinished again.
    async stop() {
      scheduler.pause()
      await pool.stop()
      await scheduler.stop()
    },
  }
}
