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
      return { status: 'ok', detail: 'PGlite answers SELECT 1' }
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
      return { status: s.pending === 0 ? 'ok' : 'down', detail }
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
      return { status: freeMb >= minFreeMb ? 'ok' : 'down', detail }
    },
  }
}

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
      const names = [
        settings.OPENAI_API_KEY && 'OpenAI',
        settings.ANTHROPIC_API_KEY && 'Anthropic',
        settings.LOCAL_MODEL_BASE_URL && 'local server',
      ].filter(Boolean)
      return hasProvider(settings)
        ? { status: 'ok', detail: `configured: ${names.join(', ')}` }
        : { status: 'degraded', detail: 'no AI provider configured; generation is unavailable' }
    },
  }
}
