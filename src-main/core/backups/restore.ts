import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { readMigrationStatus } from '../db/migrations'
import { DB_FOLDER } from '../db/open-database'
import { AppError, isAppError } from '../errors/app-error'
import { openBackupArchive } from './backup-archive'
import { fileStamp } from './snapshot'

/** A checked database waiting to replace `db/` at the next start. */
export const RESTORING_FOLDER = 'db.restoring'
/** Where replaced databases are kept, never deleted by the app. */
export const REPLACED_FOLDER = 'replaced'
const STAGING_FOLDER = 'db.restoring.partial'

export interface StageRestoreOptions {
  dataDir: string
  /** Absolute path of the backup tarball. */
  file: string
  migrationsDir: string
}

export interface AppliedRestore {
  /** Where the database that was replaced now lives, if there was one. */
  replaced: string | null
}

/**
 * Checks a backup by loading it into a temporary PGlite, migrating it and counting its users;
 * when it passes, the checked folder becomes `db.restoring` for `applyPendingRestore`. A backup
 * that fails is refused with a `validation` AppError and the data folder is left as it was.
 * The open database cannot be swapped while in use, hence the staging.
 */
export async function stageRestore(options: StageRestoreOptions): Promise<{ users: number }> {
  const label = basename(options.file)
  const tar = openBackupArchive(readFileSync(options.file), label)

  const staging = join(options.dataDir, STAGING_FOLDER)
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  let users: number
  try {
    users = await loadAndCheck(staging, tar, options.migrationsDir, label)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }

  // A second restore request replaces the first one still waiting.
  const staged = join(options.dataDir, RESTORING_FOLDER)
  rmSync(staged, { recursive: true, force: true })
  renameSync(staging, staged)
  return { users }
}

/**
 * Swaps a staged restore in: the current `db/` moves to `replaced/db-<time>` and
 * `db.restoring` becomes `db/`. Call it while holding the data-folder lock and before the
 * database is opened. Returns null when nothing was waiting.
 */
export function applyPendingRestore(dataDir: string, now = new Date()): AppliedRestore | null {
  // Left by a check that was interrupted; it was never complete, so it is not a restore.
  rmSync(join(dataDir, STAGING_FOLDER), { recursive: true, force: true })
  const staged = join(dataDir, RESTORING_FOLDER)
  if (!existsSync(join(staged, 'PG_VERSION'))) return null

  const current = join(dataDir, DB_FOLDER)
  const replaced = existsSync(current) ? moveDatabaseAside(dataDir, now) : null
  renameSync(staged, current)
  return { replaced }
}

/** Whether a checked restore waits for the next start. */
export function hasPendingRestore(dataDir: string): boolean {
  return existsSync(join(dataDir, RESTORING_FOLDER, 'PG_VERSION'))
}

/** Moves `db/` to `replaced/db-<time>` and returns the new path. */
export function moveDatabaseAside(dataDir: string, now = new Date()): string {
  const folder = join(dataDir, REPLACED_FOLDER)
  mkdirSync(folder, { recursive: true })
  const base = join(folder, `db-${fileStamp(now)}`)
  let target = base
  for (let n = 2; existsSync(target); n++) target = `${base}-${n}`
  renameSync(join(dataDir, DB_FOLDER), target)
  return target
}

async function loadAndCheck(
  dir: string,
  tar: Buffer,
  migrationsDir: string,
  label: string,
): Promise<number> {
  let pg: PGlite
  try {
    pg = await PGlite.create(dir, { loadDataDir: new Blob([new Uint8Array(tar)]) })
  } catch (error) {
    throw new AppError('validation', `${label} could not be opened as a database`, { cause: error })
  }

  try {
    const status = await readMigrationStatus(pg, migrationsDir)
    if (status.applied === 0) {
      throw new AppError('validation', `${label} holds a database, but not a NarraForge one`)
    }
    await migrate(drizzle(pg), { migrationsFolder: migrationsDir })
    const counted = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM users')
    await pg.exec('CHECKPOINT')
    return counted.rows[0]?.n ?? 0
  } catch (error) {
    if (isAppError(error)) throw error
    throw new AppError('validation', `${label} failed its check: ${(error as Error).message}`, {
      cause: error,
    })
  } finally {
    await pg.close()
  }
}
