import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { acquireDataLock } from '../db/data-lock'
import { readMigrationStatus, type MigrationStatus } from '../db/migrations'
import { DB_FOLDER } from '../db/open-database'
import { isAppError } from '../errors/app-error'

/** What a data folder's database looks like before the app commits to opening it. */
export type DataFolderState =
  | { status: 'ok'; fresh: boolean; migrations: MigrationStatus | null }
  | { status: 'locked'; detail: string }
  | { status: 'corrupt'; detail: string; error: unknown }

/**
 * Opens the database just long enough to read from it, and says whether it is usable, held by
 * another NarraForge process, or damaged. A damaged folder makes PGlite throw while starting
 * (a WebAssembly abort or "failed to initialize"), which is caught here rather than leaving the
 * writer with a window that never loads. An absent or empty `db/` is a first start, not damage.
 */
export async function probeDataFolder(
  dataDir: string,
  migrationsDir: string,
): Promise<DataFolderState> {
  const dbDir = join(dataDir, DB_FOLDER)
  if (!existsSync(dbDir) || readdirSync(dbDir).length === 0)
    return { status: 'ok', fresh: true, migrations: null }

  let lock
  try {
    lock = acquireDataLock(dataDir, 'probe')
  } catch (error) {
    if (isAppError(error) && error.kind === 'conflict')
      return { status: 'locked', detail: error.message }
    throw error
  }
  try {
    if (!existsSync(join(dbDir, 'PG_VERSION'))) {
      return { status: 'corrupt', detail: 'The database folder is missing PG_VERSION', error: null }
    }
    return await openAndRead(dbDir, migrationsDir)
  } finally {
    lock.release()
  }
}

async function openAndRead(dbDir: string, migrationsDir: string): Promise<DataFolderState> {
  let pg: PGlite | undefined
  try {
    pg = await PGlite.create(dbDir)
    await pg.query('SELECT 1')
    const migrations = await readMigrationStatus(pg, migrationsDir)
    await pg.close()
    return { status: 'ok', fresh: false, migrations }
  } catch (error) {
    return { status: 'corrupt', detail: describe(error), error }
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return /Aborted\(\)/.test(message)
    ? 'The database engine stopped while reading the data files'
    : message
}
