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
 * Finds the `drizzle/` folder: where NARRAFORGE_MIGRATIONS_DIR points (the packaged app sets it
 * to its resources), else at the root of the package this module sits in, whichever folder it
 * runs from (`src-main/core/db` from source, `out/main` or `out/main/chunks` when built), so
 * the server starts from any working directory. The working directory is the last resort.
 */
export function locateMigrations(
  explicit?: string,
  from = dirname(fileURLToPath(import.meta.url)),
): string {
  const root = findPackageRoot(from)
  const candidates = [
    explicit,
    process.env.NARRAFORGE_MIGRATIONS_DIR,
    root && join(root, 'drizzle'),
    // Inside a packaged app the package root is app.asar; its resources hold drizzle/.
    root?.endsWith('.asar') && join(dirname(root), 'drizzle'),
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

/** The nearest folder at or above `from` that holds a package.json. */
function findPackageRoot(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return null
  }
}
