import { rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type { BackupInfo, RestoreStaged } from '@shared/contracts/backups'
import { AppError } from '../errors/app-error'
import type { Logger } from '../logging/logger'
import { listBackupFiles, parseBackupName, resolveBackupFile } from './backup-files'
import { hasPendingRestore, stageRestore } from './restore'
import { BACKUP_DIR, writeSnapshot } from './snapshot'

/** Runs `callback` after `ms`; returns the function that cancels it. */
export type Schedule = (callback: () => void, ms: number) => () => void

export interface BackupServiceOptions {
  pg: PGlite
  dataDir: string
  migrationsDir: string
  log: Logger
  now?: () => Date
  /**
   * Automatic backups kept by pruning (setting BACKUP_KEEP). A function is read at every
   * prune, so a change on the settings screen applies without a restart.
   */
  keep?: number | (() => number)
  /** Replaces the unref'd `setTimeout` the daily check runs on; tests drive it by hand. */
  schedule?: Schedule
}

export interface BackupService {
  /** The BACKUP_KEEP in force now. */
  readonly keep: number
  backupNow(reason: string): Promise<BackupInfo>
  /** Newest first. */
  listBackups(): BackupInfo[]
  /** Deletes all but the newest `keep` automatic backups of each reason; returns the names removed. */
  pruneBackups(keep?: number): string[]
  /** Takes a daily backup when the newest backup is older than a day. */
  backupIfDue(): Promise<BackupInfo | null>
  startDailyBackups(): void
  /** Checks the backup and stages it for the next start. */
  restoreBackup(file: string): Promise<RestoreStaged>
  hasPendingRestore(): boolean
  /** Stops the timer and waits for a backup in progress; call before closing the database. */
  stop(): Promise<void>
}

export const DEFAULT_BACKUP_KEEP = 7
const DAY_MS = 24 * 60 * 60 * 1000
/**
 * The first look comes soon after start, so an app opened briefly each day still gets its
 * daily copy, yet not while the window is still loading; after that, hourly is plenty.
 */
export const FIRST_CHECK_MS = 30 * 1000
export const CHECK_EVERY_MS = 60 * 60 * 1000
const REASON = /^[a-z0-9]+(-[a-z0-9]+)*$/

/**
 * Rolling backups of the database: on demand, once a day while the app runs, and pruned to the
 * newest `keep` automatic ones of each kind (daily, before a migration). Restores are checked, then applied at the next start.
 */
export function createBackupService(options: BackupServiceOptions): BackupService {
  const { pg, dataDir, migrationsDir } = options
  const log = options.log.child({ module: 'backups' })
  const now = options.now ?? (() => new Date())
  const keepSetting = options.keep ?? DEFAULT_BACKUP_KEEP
  const keep = () => (typeof keepSetting === 'function' ? keepSetting() : keepSetting)
  const schedule = options.schedule ?? unrefTimeout
  let running: Promise<unknown> = Promise.resolve()
  let cancelTimer: (() => void) | null = null
  let stopped = false

  // One dump at a time: each holds the whole database in memory while it is written.
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work, work)
    running = next.catch(() => undefined)
    return next
  }

  const service: BackupService = {
    get keep() {
      return keep()
    },
    backupNow(reason) {
      if (!REASON.test(reason)) {
        return Promise.reject(new AppError('validation', `Invalid backup reason ${reason}`))
      }
      return serially(async () => {
        const started = performance.now()
        const file = await writeSnapshot(pg, dataDir, reason, now())
        const info = describe(file)
        log.info(
          { file: info.file, bytes: info.size_bytes, ms: Math.round(performance.now() - started) },
          'backup written',
        )
        return info
      })
    },
    listBackups: () => listBackupFiles(dataDir),
    pruneBackups(limit = keep()) {
      const seen = new Map<string, number>()
      const removed = listBackupFiles(dataDir)
        .filter((b) => {
          if (!b.automatic) return false
          const newer = seen.get(b.reason) ?? 0
          seen.set(b.reason, newer + 1)
          return newer >= limit
        })
        .map((b) => b.file)
      for (const file of removed) rmSync(join(dataDir, BACKUP_DIR, file), { force: true })
      if (removed.length > 0) log.info({ removed }, 'old automatic backups pruned')
      return removed
    },
    async backupIfDue() {
      const newest = listBackupFiles(dataDir)[0]
      if (newest && now().getTime() - Date.parse(newest.created_at) < DAY_MS) return null
      const info = await service.backupNow('daily')
      service.pruneBackups()
      return info
    },
    startDailyBackups() {
      if (cancelTimer || stopped) return
      const tick = () => {
        void service
          .backupIfDue()
          // Nobody awaits a timer; the log is the only place this failure can go.
          .catch((error: unknown) => log.error({ err: error }, 'daily backup failed'))
          .finally(() => {
            if (!stopped) cancelTimer = schedule(tick, CHECK_EVERY_MS)
          })
      }
      cancelTimer = schedule(tick, FIRST_CHECK_MS)
    },
    async restoreBackup(file) {
      const path = resolveBackupFile(dataDir, file)
      const { users } = await stageRestore({ dataDir, file: path, migrationsDir })
      log.info({ file, users }, 'restore checked and staged for the next start')
      return {
        file,
        users,
        restart_required: true,
        message: `${file} passed its check. Restart NarraForge to bring it back; the current database will be kept in the replaced folder.`,
      }
    },
    hasPendingRestore: () => hasPendingRestore(dataDir),
    async stop() {
      stopped = true
      cancelTimer?.()
      cancelTimer = null
      await running
    },
  }
  return service
}

function describe(path: string): BackupInfo {
  const parsed = parseBackupName(basename(path))
  if (!parsed) throw new AppError('internal', `Unexpected backup name ${basename(path)}`)
  return { ...parsed, size_bytes: statSync(path).size }
}

const unrefTimeout: Schedule = (callback, ms) => {
  const timer = setTimeout(callback, ms)
  timer.unref()
  return () => clearTimeout(timer)
}
