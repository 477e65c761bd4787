import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { registerUser } from '../../testing/api-client'
import { createTestCore, makeTestDataDir, type TestCore } from '../../testing/test-core'
import { createBackupService } from '../backups/backup-service'
import { acquireDataLock } from '../db/data-lock'
import { locateMigrations } from '../db/migrations'
import { users } from '../db/schema'
import { createSilentLogger } from '../logging/logger'
import { probeDataFolder } from './probe-data-folder'
import { restoreLatest, startFresh } from './recovery-actions'

const migrationsDir = locateMigrations()
const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function dataDirToRemove(dir = makeTestDataDir()): string {
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

function corrupt(dataDir: string): void {
  truncateSync(join(dataDir, 'db', 'global', 'pg_control'), 0)
}

// Each case opens, dumps or initialises whole databases (2–10 s apiece on a busy machine).
describe('data folder probe', { timeout: 120_000 }, () => {
  it('finds a healthy folder ok and a missing database fresh', async () => {
    expect(await probeDataFolder(dataDirToRemove(), migrationsDir)).toMatchObject({
      status: 'ok',
      fresh: false,
      migrations: { pending: 0 },
    })
    const empty = dataDirToRemove(mkdtempSync(join(tmpdir(), 'narraforge-empty-')))
    expect(await probeDataFolder(empty, migrationsDir)).toEqual({
      status: 'ok',
      fresh: true,
      migrations: null,
    })
  })

  it('reports a folder held by a running NarraForge as locked', async () => {
    const dataDir = dataDirToRemove()
    const lock = acquireDataLock(dataDir, 'desktop')
    cleanup.push(() => lock.release())

    const state = await probeDataFolder(dataDir, migrationsDir)

    expect(state.status).toBe('locked')
  })

  it('classifies a damaged database as corrupt, and starting fresh puts it aside so a new core opens', async () => {
    const dataDir = dataDirToRemove()
    corrupt(dataDir)

    const state = await probeDataFolder(dataDir, migrationsDir)
    expect(state).toMatchObject({ status: 'corrupt' })
    const outcome = await startFresh(dataDir, new Date('2026-03-15T12:00:00Z'))

    expect(outcome.replaced).toBe(join(dataDir, 'replaced', 'db-2026-03-15T12-00-00-000Z'))
    expect(readdirSync(outcome.replaced!)).toContain('PG_VERSION')
    expect(existsSync(join(dataDir, 'db'))).toBe(false)
    const core = await createTestCore({ dataDir })
    cleanup.push(() => core.close())
    expect(await core.db.select().from(users)).toEqual([])
  })

  it('restores the newest backup that passes its check over a damaged database', async () => {
    const dataDir = dataDirToRemove()
    const first = await createTestCore({ dataDir })
    const writer = await registerUser(first)
    const backups = createBackupService({
      pg: first.pg,
      dataDir,
      migrationsDir,
      log: createSilentLogger(),
      now: first.clock.now,
    })
    const good = await backups.backupNow('daily')
    await first.close()
    writeFileSync(
      join(dataDir, 'backups', '2099-01-01T00-00-00-000Z-daily.tar.gz'),
      randomBytes(2048),
    )
    corrupt(dataDir)

    const outcome = await restoreLatest(dataDir, { migrationsDir })

    expect(outcome.restored).toBe(good.file)
    expect(outcome.skipped.map((s) => s.file)).toEqual(['2099-01-01T00-00-00-000Z-daily.tar.gz'])
    expect(outcome.replaced).not.toBeNull()
    const reopened: TestCore = await createTestCore({ dataDir })
    cleanup.push(() => reopened.close())
    const emails = (await reopened.db.select({ email: users.email }).from(users)).map(
      (u) => u.email,
    )
    expect(emails).toEqual([writer.user.email])
  })

  it('says so when no backup can be restored', async () => {
    const dataDir = dataDirToRemove()
    await expect(restoreLatest(dataDir, { migrationsDir })).rejects.toMatchObject({
      kind: 'not_found',
    })
    expect(existsSync(join(dataDir, 'db', 'PG_VERSION'))).toBe(true)
  })
})
