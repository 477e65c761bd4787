import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'

export interface MigrationStatus {
  shipped: number
  applied: number
  pending: number
  latest: string | null
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[]
}

/**
 * Finds the `drizzle/` folder: next to the repository root in development and tests, two
 * levels above the bundle in `out/main`, or in the packaged app's resources.
 */
export function locateMigrations(explicit?: string): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [
    explicit,
    process.env.NARRAFORGE_MIGRATIONS_DIR,
    resolve(here, '../../drizzle'),
    resolve(here, '../../../../drizzle'),
    resolve(process.cwd(), 'drizzle'),
  ].filter((c): c is string => Boolean(c))
  const found = candidates.find((c) => existsSync(join(c, 'meta', '_journal.json')))
  if (!found) throw new Error(`Migrations not found; looked in ${candidates.join(', ')}`)
  return found
}

export function readJournal(migrationsDir: string): Journal {
  return JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal
}

/** Compares the shipped journal with drizzle's bookkeeping table in the database. */
export async function readMigrationStatus(
  pg: PGlite,
  migrationsDir: string,
): Promise<MigrationStatus> {
  const journal = readJournal(migrationsDir)
  const shipped = journal.entries.length
  const exists = await pg.query<{ present: boolean }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  )
  let lastApplied = 0
  if (exists.rows[0]?.present) {
    const res = await pg.query<{ last: string | null }>(
      'SELECT max(created_at)::text AS last FROM drizzle.__drizzle_migrations',
    )
    lastApplied = Number(res.rows[0]?.last ?? 0)
  }
  const applied = journal.entries.filter((e) => e.when <= lastApplied).length
  return {
    shipped,
    applied,
    pending: shipped - applied,
    latest: journal.entries.at(-1)?.tag ?? null,
  }
}
