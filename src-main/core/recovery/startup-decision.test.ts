import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { registerUser } from '../../testing/api-client'
import { createTestCore, makeTestDataDir } from '../../testing/test-core'
import { listBackupFiles } from '../backups/backup-files'
import { acquireDataLock } from '../db/data-lock'
import { locateMigrations } from '../db/migrations'
import { users } from '../db/schema'
import { AppError } from '../errors/app-error'
import { Scheduler } from '../queue/scheduler'
import { createInProcessSpawner } from '../workers/worker-test-kit'
import { decideAfterFailedStart } from './startup-decision'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const step of cleanup.splice(0).reverse()) await step()
})

function folderToRemove(dir: string): string {
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** The shipped migrations plus one newer that fails, as a broken update would ship it. */
function migrationsWithBrokenUpdate(): string {
  const dir = folderToRemove(mkdtempSync(join(tmpdir(), 'narraforge-migrations-')))
  cpSync(locateMigrations(), dir, { recursive: true })
  const journalFile = join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'))
  const last = journal.entries.at(-1)
  const tag = '9999_broken_update'
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag })
  writeFileSync(journalFile, JSON.stringify(journal))
  writeFileSync(join(dir, `${tag}.sql`), 'ALTER TABLE no_such_table ADD COLUMN x integer;')
  return dir
}

/** Every PGlite the code under test opens, to check none is left open. */
function watchDatabases(): PGlite[] {
  const opened: PGlite[] = []
  const create = PGlite.create.bind(PGlite)
  vi.spyOn(PGlite, 'create').mockImplementation(async (...args: Parameters<typeof create>) => {
    const pg = await create(...args)
    opened.push(pg)
    return pg
  })
  return opened
}

// Each case opens whole databases, a few seconds apiece on a busy machine.
describe('after a failed start', { timeout: 120_000 }, () => {
  it('offers the backup taken before a migration that failed, and the folder opens again', async () => {
    const dataDir = folderToRemove(makeTestDataDir())
    const before = await createTestCore({ dataDir })
    const writer = await registerUser(before)
    await before.close()
    const broken = migrationsWithBrokenUpdate()
    const opened = watchDatabases()

    const failure = await createTestCore({ dataDir, migrationsDir: broken }).catch((e) => e)
    expect(failure).toBeInstanceOf(Error)
    expect(opened.length).toBeGreaterThan(0)
    expect(opened.every((pg) => pg.closed)).toBe(true)
    vi.restoreAllMocks()

    const decision = await decideAfterFailedStart(failure, dataDir, broken)

    expect(decision).toMatchObject({ action: 'recover', detail: expect.any(String) })
    expect(listBackupFiles(dataDir).map((b) => b.reason)).toContain('pre-migration')
    const reopened = await createTestCore({ dataDir })
    cleanup.push(() => reopened.close())
    const emails = await reopened.db.select({ email: users.email }).from(users)
    expect(emails).toEqual([{ email: writer.user.email }])
  })

  it('offers recovery when the engine would not start, having closed the database and the lock', async () => {
    const dataDir = folderToRemove(makeTestDataDir())
    const opened = watchDatabases()
    // A worker that cannot be forked is retried with backoff, so the engine fails to start
    // only when its queue cannot be read.
    vi.spyOn(Scheduler.prototype, 'start').mockRejectedValue(new Error('the queue is unreadable'))

    const { spawn, workers } = createInProcessSpawner()

    const failure = await createTestCore({ dataDir, spawnWorker: spawn }).catch((e) => e)

    expect(failure.message).toBe('the queue is unreadable')
    expect(workers.length).toBeGreaterThan(0)
    expect(workers.every((w) => w.exited)).toBe(true)
    expect(opened.every((pg) => pg.closed)).toBe(true)
    acquireDataLock(dataDir, 'test').release()
    vi.restoreAllMocks()
    expect(await decideAfterFailedStart(failure, dataDir)).toEqual({
      action: 'recover',
      detail: 'the queue is unreadable',
    })
  })

  it('explains bad settings and a held folder instead, and a failure before any database', async () => {
    const dataDir = folderToRemove(makeTestDataDir())
    const empty = folderToRemove(mkdtempSync(join(tmpdir(), 'narraforge-empty-')))
    const settings = new AppError('configuration', 'NarraForge cannot start; fix these settings')
    const held = new AppError('conflict', 'The data folder is in use')

    expect(await decideAfterFailedStart(settings, dataDir)).toEqual({
      action: 'explain',
      message: settings.message,
    })
    expect(await decideAfterFailedStart(held, dataDir)).toMatchObject({ action: 'explain' })
    expect(await decideAfterFailedStart(new Error('disk full'), empty)).toEqual({
      action: 'explain',
      message: 'disk full',
    })
  })
})
