import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { listBackupFiles } from '../backups/backup-files'
import {
  applyPendingRestore,
  moveDatabaseAside,
  RESTORING_FOLDER,
  stageRestore,
} from '../backups/restore'
import { BACKUP_DIR } from '../backups/snapshot'
import { acquireDataLock } from '../db/data-lock'
import { locateMigrations } from '../db/migrations'
import { DB_FOLDER } from '../db/open-database'
import { AppError, isAppError } from '../errors/app-error'

export interface StartFreshOutcome {
  /** Where the old database was put, or null when there was none. */
  replaced: string | null
}

export interface RestoreLatestOutcome {
  /** The backup brought back. */
  restored: string
  replaced: string | null
  /** Newer backups that failed their check, with the reason. */
  skipped: { file: string; reason: string }[]
}

export interface RestoreLatestOptions {
  migrationsDir?: string
  now?: Date
}

/**
 * Puts the database aside (`replaced/db-<time>`, never deleted) so the next start creates an
 * empty one. A restore that was waiting is dropped: the writer chose to start over.
 */
export async function startFresh(dataDir: string, now = new Date()): Promise<StartFreshOutcome> {
  return withDataLock(dataDir, () => {
    rmSync(join(dataDir, RESTORING_FOLDER), { recursive: true, force: true })
    const replaced = existsSync(join(dataDir, DB_FOLDER)) ? moveDatabaseAside(dataDir, now) : null
    return { replaced }
  })
}

/**
 * Brings back the newest backup that passes its check, putting the current database aside.
 * Run it while no core has the folder open (the recovery screen, before start-up).
 */
export async function restoreLatest(
  dataDir: string,
  options: RestoreLatestOptions = {},
): Promise<RestoreLatestOutcome> {
  const migrationsDir = options.migrationsDir ?? locateMigrations()
  return withDataLock(dataDir, async () => {
    const skipped: RestoreLatestOutcome['skipped'] = []
    for (const backup of listBackupFiles(dataDir)) {
      try {
        await stageRestore({ dataDir, file: join(dataDir, BACKUP_DIR, backup.file), migrationsDir })
      } catch (error) {
        if (!isAppError(error) || error.kind !== 'validation') throw error
        skipped.push({ file: backup.file, reason: error.message })
        continue
      }
      const applied = applyPendingRestore(dataDir, options.now)
      return { restored: backup.file, replaced: applied?.replaced ?? null, skipped }
    }
    throw new AppError('not_found', 'No backup in this data folder could be restored', {
      details: { skipped },
    })
  })
}

/** Both actions move folders, so another NarraForge process must not hold this one. */
async function withDataLock<T>(dataDir: string, work: () => T | Promise<T>): Promise<T> {
  const lock = acquireDataLock(dataDir, 'recovery')
  try {
    return await work()
  } finally {
    lock.release()
  }
}
