import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'
import type { BackupServiceOptions, Schedule } from './backup-service'
import { backupServiceFor } from './backup-fixtures'
import { fileStamp } from './snapshot'

const HOUR = 60 * 60 * 1000
let core: TestCore

beforeAll(async () => {
  core = await createTestCore()
})
afterAll(() => core.dispose())

function serviceFor(overrides: Partial<BackupServiceOptions> = {}) {
  return backupServiceFor(core, overrides)
}

/** Writes a placeholder backup file; pruning and scheduling only look at names. */
function fakeBackup(dataDir: string, at: Date, reason: string): string {
  mkdirSync(join(dataDir, 'backups'), { recursive: true })
  const name = `${fileStamp(at)}-${reason}.tar.gz`
  writeFileSync(join(dataDir, 'backups', name), 'placeholder')
  return name
}

// Each case opens, dumps or initialises whole databases (2–10 s apiece on a busy machine).
describe('backups', { timeout: 120_000 }, () => {
  it('backs up now into a tarball that PGlite loads with the data in it', async () => {
    const writer = await registerUser(core)
    const service = serviceFor()

    const info = await service.backupNow('manual')

    expect(info).toMatchObject({
      reason: 'manual',
      automatic: false,
      created_at: core.clock.now().toISOString(),
    })
    expect(info.size_bytes).toBeGreaterThan(1000)
    expect(service.listBackups().map((b) => b.file)).toContain(info.file)
    const bytes = readFileSync(join(core.dataDir, 'backups', info.file))
    const copy = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(bytes)]) })
    const found = await copy.query<{ email: string }>('SELECT email FROM users')
    await copy.close()
    expect(found.rows.map((r) => r.email)).toContain(writer.user.email)
    expect(readdirSync(join(core.dataDir, 'backups')).some((f) => f.endsWith('.partial'))).toBe(
      false,
    )
  })

  it("prunes each kind of automatic backup to its newest ones and leaves the writer's alone", async () => {
    const dataDir = join(core.dataDir, 'prune-case')
    const service = serviceFor({ dataDir, keep: 3 })
    const start = Date.parse('2026-01-01T00:00:00Z')
    const daily = Array.from({ length: 6 }, (_, i) =>
      fakeBackup(dataDir, new Date(start + i * 24 * HOUR), 'daily'),
    )
    const manual = fakeBackup(dataDir, new Date(start - 24 * HOUR), 'manual')
    const premigration = Array.from({ length: 4 }, (_, i) =>
      fakeBackup(dataDir, new Date(start - (48 + i) * HOUR), 'pre-migration'),
    )

    const removed = service.pruneBackups()

    // Six newer daily backups do not push out the pre-migration copies; only the fourth goes.
    expect(removed.sort()).toEqual([...daily.slice(0, 3), premigration[3]].sort())
    const left = service.listBackups().map((b) => b.file)
    expect(left).toEqual([...daily.slice(3).reverse(), manual, ...premigration.slice(0, 3)])
    expect(service.pruneBackups(1).sort()).toEqual(
      [daily[4], daily[3], premigration[1], premigration[2]].sort(),
    )
  })

  it('prunes to the number of backups set now, not the one set at start', () => {
    const dataDir = join(core.dataDir, 'keep-case')
    let keep = 4
    const service = serviceFor({ dataDir, keep: () => keep })
    const start = Date.parse('2026-01-01T00:00:00Z')
    for (let i = 0; i < 5; i++) fakeBackup(dataDir, new Date(start + i * 24 * HOUR), 'daily')

    expect(service.pruneBackups()).toHaveLength(1)
    keep = 2

    expect(service.keep).toBe(2)
    expect(service.pruneBackups()).toHaveLength(2)
    expect(service.listBackups()).toHaveLength(2)
  })

  it('takes a daily backup only when the newest one is a day old', async () => {
    const dataDir = join(core.dataDir, 'daily-case')
    const service = serviceFor({ dataDir })
    fakeBackup(dataDir, new Date(core.clock.now().getTime() - 2 * HOUR), 'manual')

    expect(await service.backupIfDue()).toBeNull()
    core.clock.advance(21 * HOUR)
    expect(await service.backupIfDue()).toBeNull()
    core.clock.advance(HOUR)
    const taken = await service.backupIfDue()

    expect(taken).toMatchObject({ reason: 'daily', automatic: true })
    expect(await service.backupIfDue()).toBeNull()
  })

  it('runs the daily check on its timer, keeps rescheduling and stops cleanly', async () => {
    const dataDir = join(core.dataDir, 'timer-case')
    const timers: { callback: () => void; ms: number; cancelled: boolean }[] = []
    const schedule: Schedule = (callback, ms) => {
      const timer = { callback, ms, cancelled: false }
      timers.push(timer)
      return () => {
        timer.cancelled = true
      }
    }
    const service = serviceFor({ dataDir, schedule })

    service.startDailyBackups()
    service.startDailyBackups()
    expect(timers).toHaveLength(1)
    // Soon after start, not minutes later: a short session still gets its daily copy.
    expect(timers[0]!.ms).toBe(30 * 1000)
    timers[0]!.callback()
    await expect.poll(() => timers.length, { timeout: 20_000 }).toBe(2)

    expect(service.listBackups().map((b) => b.reason)).toEqual(['daily'])
    expect(timers[1]!.ms).toBe(HOUR)
    timers[1]!.callback()
    await expect.poll(() => timers.length, { timeout: 20_000 }).toBe(3)
    expect(service.listBackups()).toHaveLength(1)

    await service.stop()
    expect(timers[2]!.cancelled).toBe(true)
    expect(existsSync(join(dataDir, 'backups'))).toBe(true)
  })

  it('refuses a reason that would not survive as a file name', async () => {
    await expect(serviceFor().backupNow('../evil')).rejects.toThrow(/Invalid backup reason/)
  })
})
