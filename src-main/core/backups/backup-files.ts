import { existsSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { BackupInfo } from '@shared/contracts/backups'
import { AppError } from '../errors/app-error'
import { BACKUP_DIR } from './snapshot'

/**
 * Backups NarraForge takes by itself, pruned per reason so a run of daily backups never
 * pushes out the copy taken before the last migration. The writer's own are never pruned.
 */
export const AUTOMATIC_REASONS = new Set(['daily', 'pre-migration'])

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.tar\.gz$/

/** The backups in the data folder, newest first. Files that are not backups are ignored. */
export function listBackupFiles(dataDir: string): BackupInfo[] {
  const folder = join(dataDir, BACKUP_DIR)
  if (!existsSync(folder)) return []
  const found: BackupInfo[] = []
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupName(name)
    if (!parsed) continue
    const size = statSync(join(folder, name)).size
    found.push({ ...parsed, size_bytes: size })
  }
  return found.sort(
    (a, b) => b.created_at.localeCompare(a.created_at) || b.file.localeCompare(a.file),
  )
}

/** Reads the time and reason back out of a name written by `writeSnapshot`. */
export function parseBackupName(name: string): Omit<BackupInfo, 'size_bytes'> | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [, day, hh, mm, ss, ms, reason] = m
  return {
    file: name,
    reason: reason!,
    created_at: `${day}T${hh}:${mm}:${ss}.${ms}Z`,
    automatic: AUTOMATIC_REASONS.has(reason!),
  }
}

/**
 * The path of a backup named by a client. Only bare names of existing backups are accepted,
 * so a request cannot point the restore at any other file on the machine.
 */
export function resolveBackupFile(dataDir: string, file: string): string {
  if (basename(file) !== file || !parseBackupName(file)) {
    throw new AppError('validation', `${JSON.stringify(file)} is not the name of a backup`)
  }
  const path = join(dataDir, BACKUP_DIR, file)
  if (!existsSync(path)) throw new AppError('not_found', `No backup named ${file}`)
  return path
}
