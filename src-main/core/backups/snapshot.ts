import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'

export const BACKUP_DIR = 'backups'

/**
 * Writes a consistent snapshot of the open database as a gzipped tarball that PGlite can load
 * again (`loadDataDir`). Returns the file's path.
 */
export async function writeSnapshot(pg: PGlite, dataDir: string, reason: string, now: Date): Promise<string> {
  const folder = join(dataDir, BACKUP_DIR)
  mkdirSync(folder, { recursive: true })
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const file = join(folder, `${stamp}-${reason}.tar.gz`)
  const dump = await pg.dumpDataDir('gzip')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 })
  return file
}
