import { statfs } from 'node:fs/promises'
import type { PGlite } from '@electric-sql/pglite'
import { hasProvider } from '../config/load-settings'
import type { Settings } from '../config/settings-schema'
import { readMigrationStatus } from '../db/migrations'
import type { CheckDefinition } from './health-registry'

/** The database answers a trivial query. */
export function databaseCheck(pg: PGlite): CheckDefinition {
  return {
    name: 'database',
    critical: true,
    async run() {
      await pg.query('SELECT 1')
      return { status: 'ok', detail: 'PGlite answers SELECT 1', code: 'database_answers' }
    },
  }
}

/** Every migration shipped with this build has been applied. */
export function migrationsCheck(pg: PGlite, migrationsDir: string): CheckDefinition {
  return {
    name: 'migrations',
    critical: true,
    async run() {
      const s = await readMigrationStatus(pg, migrationsDir)
      const detail = `${s.applied} of ${s.shipped} applied (latest ${s.latest ?? 'none'})`
      return {
        status: s.pending === 0 ? 'ok' : 'down',
        detail,
        code: s.pending === 0 ? 'migrations_applied' : 'migrations_pending',
        params: { applied: s.applied, shipped: s.shipped, latest: s.latest ?? '' },
      }
    },
  }
}

/** The data folder's disk has room for the database to grow and for backups. */
export function diskCheck(dataDir: string, minFreeMb: number): CheckDefinition {
  return {
    name: 'disk',
    critical: true,
    async run() {
      const stats = await statfs(dataDir)
      const freeMb = Math.floor((stats.bavail * stats.bsize) / 1024 / 1024)
      const detail = `${freeMb} MiB free in the data folder (minimum ${minFreeMb} MiB)`
      const enough = freeMb >= minFreeMb
      return {
        status: enough ? 'ok' : 'down',
        detail,
        code: enough ? 'disk_free' : 'disk_low',
        params: { free_mb: freeMb, min_mb: minFreeMb },
      }
    },
  }
}

/** The setting that makes each provider usable, and how the English detail names it. */
const CONFIGURED_BY = [
  { name: 'openai', setting: 'OPENAI_API_KEY', label: 'OpenAI' },
  { name: 'anthropic', setting: 'ANTHROPIC_API_KEY', label: 'Anthropic' },
  { name: 'local', setting: 'LOCAL_MODEL_BASE_URL', label: 'local server' },
] as const

/**
 * Whether any AI provider is configured. The desktop may run without one for offline drafting,
 * so there it is not critical: writing and editing work. Readiness still says 503 while it is
 * degraded, because generation, a part of what the app offers, is unavailable.
 */
export function providersConfiguredCheck(current: () => Settings): CheckDefinition {
  return {
    name: 'providers',
    critical: current().mode === 'server',
    async run() {
      const settings = current()
      const configured = CONFIGURED_BY.filter(({ setting }) => Boolean(settings[setting]))
      const names = configured.map(({ label }) => label).join(', ')
      return hasProvider(settings)
        ? {
            status: 'ok',
            detail: `configured: ${names}`,
            code: 'providers_configured',
            params: { providers: configured.map(({ name }) => name).join(',') },
          }
        : {
            status: 'degraded',
            detail: 'no AI provider configured; generation is unavailable',
            code: 'providers_none',
          }
    },
  }
}
