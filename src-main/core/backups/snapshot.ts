import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'

export const BACKUP_DIR = 'backups'
export const BACKUP_EXTENSION = '.tar.gz'

/** `2026-03-15T12:00:00.000Z` as it appears in a file name (no colons, for Windows). */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/**
 * Writes a consistent snapshot of the open database as a gzipped tarball that PGlite can load
 * again (`loadDataDir`). Returns the file's path.
 */
export async function writeSnapshot(
  pg: PGlite,
  dataDir: string,
  reason: string,
  now: Date,
): Promise<string> {
  const folder = join(dataDir, BACKUP_DIR)
  mkdirSync(folder, { recursive: true })
  const file = join(folder, `${fileStamp(now)}-${reason}${BACKUP_EXTENSION}`)
  const dump = await pg.dumpDataDir('gzip')
  // Renamed into place, so a crash mid-write never leaves a truncated file that looks valid.
  const partial = `${file}.partial`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 })
  renameSync(partial, file)
  return file
}
