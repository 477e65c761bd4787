import { join } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { PGlite } from '@electric-sql/pglite'
import { requireAuth } from './auth/require-auth'
import { createBackupService } from './backups/backup-service'
import { backupsRoutes } from './backups/backups-routes'
import { applyPendingRestore } from './backups/restore'
import { TokenIssuer } from './auth/tokens'
import type { RunMode, Settings } from './config/settings-schema'
import { createApp } from './create-app'
import { createEngine } from './create-engine'
import { createRoutes } from './create-routes'
import { acquireDataLock } from './db/data-lock'
import { locateMigrations } from './db/migrations'
import { openDatabase, type Database } from './db/open-database'
import { EventBus } from './events/event-bus'
import {
  databaseCheck,
  diskCheck,
  migrationsCheck,
  providersConfiguredCheck,
} from './health/core-checks'
import { providerChecks } from './health/engine-checks'
import { HealthRegistry } from './health/health-registry'
import type { AppEnv } from './http/context'
import { rateLimit } from './http/rate-limit/rate-limit'
import { MemoryRateLimitStore, type RateLimitStore } from './http/rate-limit/store'
import { createLogger, type Logger } from './logging/logger'
import { portabilityRoutes } from './portability/portability-routes'
import { createFileSecretStore } from './secrets/file-secret-store'
import type { SecretStore } from './secrets/secret-store'
import { SettingsStore } from './settings/settings-store'
import { APP_VERSION } from './version'
import { startJobWebhooks } from './webhooks/job-webhooks'
import { childProcessSpawner } from './workers/child-process-worker'
import type { SpawnWorker } from './workers/worker-process'

export interface CoreOptions {
  mode: RunMode
  dataDir: string
  /** Defaults to `process.env`. */
  env?: Record<string, string | undefined>
  migrationsDir?: string
  /** The clock every rule reads; tests move it instead of sleeping. */
  now?: () => Date
  /** Defaults to a logger writing JSON to `<dataDir>/logs` and the console. */
  log?: Logger
  rateLimitStore?: RateLimitStore
  /** Where provider keys are kept; owner-only files by default, the OS keychain in Electron. */
  secrets?: SecretStore
  /** How workers are forked: child_process by default, utilityProcess in Electron; null for none. */
  spawnWorker?: SpawnWorker | null
}

export interface Core {
  app: OpenAPIHono<AppEnv>
  /** The settings as they are now (the settings screen can change them). */
  settings: () => Settings
  events: EventBus
  health: HealthRegistry
  db: Database
  pg: PGlite
  log: Logger
  /** Stops the engine, checkpoints and closes the database, releases the folder. */
  close(): Promise<void>
}

/**
 * Builds NarraForge's core: settings, the data-folder lock, the database, the engine and the
 * HTTP application. It imports nothing from Electron, so tests, benchmarks and the headless
 * server use it exactly as the desktop does.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date())
  const secrets = options.secrets ?? createFileSecretStore(options.dataDir)
  const settings = new SettingsStore({
    mode: options.mode,
    dataDir: options.dataDir,
    env: options.env,
    secrets,
  })
  const first = settings.current()
  const log =
    options.log ??
    createLogger({
      logDir: join(options.dataDir, 'logs'),
      level: first.DEBUG ? 'debug' : first.LOG_LEVEL,
      pretty: first.ENVIRONMENT === 'development',
    })

  const lock = acquireDataLock(options.dataDir, options.mode)
  // What a failed start must undo, newest first: the recovery screen may act on this folder,
  // and a restore moves it, which an open database would block on Windows.
  const undo: (() => Promise<void> | void)[] = [() => lock.release()]
  try {
    const migrationsDir = locateMigrations(options.migrationsDir)
    // A restore is staged while the app runs and swapped in here, before PGlite opens the folder.
    const restored = applyPendingRestore(options.dataDir, now())
    if (restored) log.info({ replaced: restored.replaced }, 'staged restore applied')
    const database = await openDatabase({
      dataDir: options.dataDir,
      migrationsDir,
      log: log.child({ module: 'db' }),
      echo: first.DB_ECHO || first.DEBUG,
      now,
    })
    undo.unshift(() => database.close())
    const { db, pg } = database
    const backups = createBackupService({
      pg,
      dataDir: options.dataDir,
      migrationsDir,
      log,
      now,
      keep: () => settings.current().BACKUP_KEEP,
    })
    undo.unshift(() => backups.stop())
    // A new pre-migration copy may push an old one past the limit, in every mode.
    if (database.preMigrationBackup) backups.pruneBackups()

    const events = new EventBus()
    const health = new HealthRegistry(events, now, { log: log.child({ module: 'health' }) })
    health.register(databaseCheck(pg))
    health.register(migrationsCheck(pg, migrationsDir))
    health.register(diskCheck(options.dataDir, first.MIN_FREE_DISK_MB))
    health.register(providersConfiguredCheck(settings.current))
    health.registerDynamic(providerChecks(settings.current))

    const spawnWorker =
      options.spawnWorker === undefined ? childProcessSpawner(log) : options.spawnWorker
    const engine = await createEngine({ db, events, health, settings, log, now, spawnWorker })
    undo.unshift(() => engine.stop())
    health.startPeriodicChecks(first.HEALTH_CHECK_INTERVAL_MS)
    undo.unshift(() => health.stop())
    const webhooks = startJobWebhooks({ db, events, log, now, secret: first.jwtSecret })
    undo.unshift(() => webhooks.stop())
    const tokens = new TokenIssuer({ secret: first.jwtSecret, now })
    const routes = createRoutes({
      mode: options.mode,
      db,
      tokens,
      events,
      health,
      settings,
      control: engine.scheduler,
      log,
      now,
      extraProtected: [
        backupsRoutes(backups, { mode: options.mode }),
        portabilityRoutes({ db, now }),
      ],
    })
    const app = createApp({
      settings: first,
      log,
      rateLimit: rateLimit({
        store: options.rateLimitStore ?? new MemoryRateLimitStore(),
        now,
        enabled: first.RATE_LIMIT_ENABLED,
        authPerMinute: first.RATE_LIMIT_AUTH_PER_MINUTE,
        generalPerMinute: first.RATE_LIMIT_PER_MINUTE,
        desktopPerMinute: first.RATE_LIMIT_DESKTOP_PER_MINUTE,
        trustProxy: first.TRUSTED_PROXY,
      }),
      requireAuth: requireAuth(tokens, db, now),
      ...routes,
    })

    // Last, so a start that fails on the way never leaves a timer behind.
    if (options.mode !== 'server') backups.startDailyBackups()
    log.info({ mode: options.mode, dataDir: options.dataDir, version: APP_VERSION }, 'core ready')
    let closing: Promise<void> | undefined
    return {
      app,
      settings: settings.current,
      events,
      health,
      db,
      pg,
      log,
      close() {
        closing ??= (async () => {
          await health.stop()
          await engine.stop()
          await backups.stop()
          await webhooks.stop()
          await database.close()
          lock.release()
          log.info('core closed')
        })()
        return closing
      },
    }
  } catch (error) {
    for (const step of undo) {
      try {
        await step()
      } catch (cleanup) {
        log.warn({ err: cleanup }, 'a failed start could not be fully undone')
      }
    }
    throw error
  }
}
