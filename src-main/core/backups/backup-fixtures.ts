import { gzipSync } from 'node:zlib'
import type { TestCore } from '../../testing/test-core'
import { locateMigrations } from '../db/migrations'
import { createSilentLogger } from '../logging/logger'
import { createBackupService, type BackupServiceOptions } from './backup-service'

/**
 * Builds a gzipped ustar archive from name → content pairs, for tests that need tarballs that
 * are well formed but are not NarraForge backups.
 */
export function makeTarGz(entries: Record<string, string | Buffer>): Buffer {
  const blocks: Buffer[] = []
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content)
    const header = Buffer.alloc(512)
    header.write(name, 0, 100, 'utf8')
    header.write('0000644\0', 100, 'latin1')
    header.write('0000000\0', 108, 'latin1')
    header.write('0000000\0', 116, 'latin1')
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1')
    header.write('00000000000\0', 136, 'latin1')
    header.write('        ', 148, 'latin1')
    header.write('0', 156, 'latin1')
    header.write('ustar\0', 257, 'latin1')
    header.write('00', 263, 'latin1')
    const sum = header.reduce((total, byte) => total + byte, 0)
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return gzipSync(Buffer.concat(blocks))
}

/** A backup service over a test core's database and folder, on the core's clock. */
export function backupServiceFor(core: TestCore, overrides: Partial<BackupServiceOptions> = {}) {
  return createBackupService({
    pg: core.pg,
    dataDir: core.dataDir,
    migrationsDir: locateMigrations(),
    log: createSilentLogger(),
    now: core.clock.now,
    ...overrides,
  })
}
