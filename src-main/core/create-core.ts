import { join } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { authRoutes, meRoute } from './auth/auth-routes'
import { AuthService } from './auth/auth-service'
import { requireAuth } from './auth/require-auth'
import { TokenIssuer } from './auth/tokens'
import { loadSettings } from './config/load-settings'
import type { RunMode, Settings } from './config/settings-schema'
import { createApp } from './create-app'
import { acquireDataLock } from './db/data-lock'
import { locateMigrations } from './db/migrations'
import { openDatabase, type Database } from './db/open-database'
import { EventBus } from './events/event-bus'
import { databaseCheck, diskCheck, migrationsCheck, providersConfiguredCheck } from './health/core-checks'
import { HealthRegistry } from './health/health-registry'
import { healthRoutes } from './health/health-routes'
import type { AppEnv } from './http/context'
import { rateLimit } from './http/rate-limit/rate-limit'
import { MemoryRateLimitStore, type RateLimitStore } from './http/rate-limit/store'
import { createLogger, type Logger } from './logging/logger'
import { narrativesRoutes } from './narratives/narratives-routes'
import { NarrativesService } from './narratives/narratives-service'
import { projectsRoutes } from './projects/projects-routes'
import { ProjectsService } from './projects/projects-service'
import { APP_VERSION } from './version'

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
}

export interface Core {
  app: OpenAPIHono<AppEnv>
  settings: Settings
  events: EventBus
  health: HealthRegistry
  db: Database
  log: Logger
  /** Stops background work, checkpoints and closes the database, releases the folder. */
  close(): Promise<void>
}

/**
 * Builds NarraForge's core: settings, the data-folder lock, the database, the services and
 * the HTTP application. It imports nothing from Electron, so tests, benchmarks and the
 * headless server use it exactly as the desktop does.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date())
  const settings = loadSettings({ mode: options.mode, dataDir: options.dataDir, env: options.env })
  const log =
    options.log ??
    createLogger({
      logDir: join(options.dataDir, 'logs'),
      level: settings.DEBUG ? 'debug' : settings.LOG_LEVEL,
      pretty: settings.ENVIRONMENT === 'development',
    })

  const lock = acquireDataLock(options.dataDir, options.mode)
  try {
    const migrationsDir = locateMigrations(options.migrationsDir)
    const database = await openDatabase({
      dataDir: options.dataDir,
      migrationsDir,
      log: log.child({ module: 'db' }),
      echo: settings.DB_ECHO || settings.DEBUG,
      now,
    })
    const { db, pg } = database

    const events = new EventBus()
    const health = new HealthRegistry(events, now)
    health.register(databaseCheck(pg))
    health.register(migrationsCheck(pg, migrationsDir))
    health.register(diskCheck(options.dataDir, settings.MIN_FREE_DISK_MB))
    health.register(providersConfiguredCheck(settings))

    const tokens = new TokenIssuer({ secret: settings.jwtSecret, now })
    const auth = new AuthService({ db, tokens, now, log: log.child({ module: 'auth' }) })
    const projects = new ProjectsService(db)
    const narratives = new NarrativesService(db)

    const app = createApp({
      settings,
      log,
      rateLimit: rateLimit({
        store: options.rateLimitStore ?? new MemoryRateLimitStore(),
        now,
        enabled: settings.RATE_LIMIT_ENABLED,
        authPerMinute: settings.RATE_LIMIT_AUTH_PER_MINUTE,
        generalPerMinute: settings.RATE_LIMIT_PER_MINUTE,
        desktopPerMinute: settings.RATE_LIMIT_DESKTOP_PER_MINUTE,
        trustProxy: settings.TRUSTED_PROXY,
      }),
      requireAuth: requireAuth(tokens, db, now),
      publicRoutes: [
        authRoutes(auth),
        healthRoutes({ registry: health, version: APP_VERSION, mode: options.mode, startedAt: Date.now(), now }),
      ],
      protectedRoutes: [meRoute(auth), projectsRoutes(projects), narrativesRoutes(narratives)],
    })

    log.info({ mode: options.mode, dataDir: options.dataDir, version: APP_VERSION }, 'core ready')
    let closed = false
    return {
      app,
      settings,
      events,
      health,
      db,
      log,
      async close() {
        if (closed) return
        closed = true
        await database.close()
        lock.release()
        log.info('core closed')
      },
    }
  } catch (error) {
    lock.release()
    throw error
  }
}
