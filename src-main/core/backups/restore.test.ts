import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { users } from '../db/schema'
import type { BackupService } from './backup-service'
import { applyPendingRestore, RESTORING_FOLDER } from './restore'
import { backupServiceFor, makeTarGz } from './backup-fixtures'

let core: TestCore
let service: BackupService

beforeAll(async () => {
  core = await createTestCore()
  service = backupServiceFor(core)
})
afterAll(() => core.dispose())

function plantBackup(name: string, bytes: Buffer): string {
  writeFileSync(join(core.dataDir, 'backups', name), bytes)
  return name
}

function dataFolderEntries(): string[] {
  return readdirSync(core.dataDir).sort()
}

// Each case opens, dumps or initialises whole databases (2–10 s apiece on a busy machine).
describe('restore', { timeout: 120_000 }, () => {
  it('refuses bad backups and leaves the data folder as it was', async () => {
    await service.backupNow('manual')
    const before = dataFolderEntries()
    const bad = [
      plantBackup('2026-01-01T00-00-00-000Z-random.tar.gz', randomBytes(4096)),
      plantBackup(
        '2026-01-02T00-00-00-000Z-unrelated.tar.gz',
        makeTarGz({ 'notes/hello.txt': 'hi' }),
      ),
      plantBackup(
        '2026-01-03T00-00-00-000Z-garbled.tar.gz',
        makeTarGz({ PG_VERSION: '18\n', 'global/pg_control': randomBytes(8192) }),
      ),
    ]

    for (const file of bad) {
      await expect(service.restoreBackup(file), file).rejects.toMatchObject({ kind: 'validation' })
    }

    expect(dataFolderEntries()).toEqual(before)
    expect(service.hasPendingRestore()).toBe(false)
    expect(applyPendingRestore(core.dataDir)).toBeNull()
    const stillThere = await core.db.select().from(users)
    expect(stillThere).toBeDefined()
  })

  it('refuses names outside the backups folder', async () => {
    await expect(service.restoreBackup('../db/PG_VERSION')).rejects.toMatchObject({
      kind: 'validation',
    })
    await expect(
      service.restoreBackup('2020-01-01T00-00-00-000Z-missing.tar.gz'),
    ).rejects.toMatchObject({
      kind: 'not_found',
    })
  })

  it('stages a good backup and brings it back at the next start, keeping the replaced database', async () => {
    const kept = await registerUser(core)
    core.clock.advance(60_000)
    const backup = await service.backupNow('manual')
    const lost = await registerUser(core)

    const staged = await service.restoreBackup(backup.file)

    expect(staged).toMatchObject({ file: backup.file, restart_required: true })
    expect(staged.users).toBeGreaterThanOrEqual(1)
    expect(service.hasPendingRestore()).toBe(true)
    expect(existsSync(join(core.dataDir, RESTORING_FOLDER, 'PG_VERSION'))).toBe(true)

    await core.close()
    const applied = applyPendingRestore(core.dataDir, new Date('2026-03-16T08:00:00Z'))

    expect(applied?.replaced).toBe(join(core.dataDir, 'replaced', 'db-2026-03-16T08-00-00-000Z'))
    expect(existsSync(join(applied!.replaced!, 'PG_VERSION'))).toBe(true)
    expect(existsSync(join(core.dataDir, RESTORING_FOLDER))).toBe(false)
    const reopened = await createTestCore({ dataDir: core.dataDir })
    core = reopened
    const emails = (await reopened.db.select({ email: users.email }).from(users)).map(
      (u) => u.email,
    )
    expect(emails).toContain(kept.user.email)
    expect(emails).not.toContain(lost.user.email)
  })
})
