import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { BACKUP_DIR } from '../backups/snapshot'
import { locateMigrations, readJournal } from './migrations'

const JOB_INDEXES = [
  'ix_jobs_project_status',
  'ix_jobs_status_created',
  'ix_jobs_user_created',
  'ix_jobs_user_status',
]

let scratch: string
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'narraforge-migrations-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A copy of the shipped migrations with one more, as the next release would ship them. */
function migrationsWithOneMore(): string {
  const dir = join(scratch, 'drizzle')
  cpSync(locateMigrations(), dir, { recursive: true })
  const journal = readJournal(dir)
  const last = journal.entries.at(-1)!
  const tag = `${String(last.idx + 1).padStart(4, '0')}_test`
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1_000, tag })
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2))
  writeFileSync(join(dir, `${tag}.sql`), 'CREATE TABLE "migration_probe" ("id" integer);\n')
  return dir
}

async function readiness(core: TestCore) {
  const res = await call(core, 'GET', '/api/health/ready')
  return res.json.checks.find((c: { name: string }) => c.name === 'migrations')
}

describe('an up-to-date folder', () => {
  it('has the four job indexes the queue and the lists rely on, and took no backup', async () => {
    const core = await createTestCore()
    try {
      const result = await core.db.execute<{ indexname: string }>(
        sql`SELECT indexname FROM pg_indexes WHERE tablename = 'generation_jobs' ORDER BY indexname`,
      )
      const names = result.rows.map((r) => r.indexname)

      expect(names).toEqual(expect.arrayContaining(JOB_INDEXES))
      expect((await readiness(core)).status).toBe('ok')
      expect(existsSync(join(core.dataDir, BACKUP_DIR))).toBe(false)
    } finally {
      await core.dispose()
    }
  })
})

describe('opening a folder with pending migrations', () => {
  it('takes a backup first, then applies them', async () => {
    const migrationsDir = migrationsWithOneMore()
    const shipped = readJournal(migrationsDir).entries.length
    const core = await createTestCore({ migrationsDir })
    try {
      const backups = readdirSync(join(core.dataDir, BACKUP_DIR))
      expect(backups).toEqual([expect.stringMatching(/pre-migration\.tar\.gz$/)])
      const gzip = readFileSync(join(core.dataDir, BACKUP_DIR, backups[0]!)).subarray(0, 2)
      expect([...gzip]).toEqual([0x1f, 0x8b])

      const probe = await core.db.execute(sql`SELECT count(*) FROM "migration_probe"`)
      expect(probe.rows).toHaveLength(1)
      expect(await readiness(core)).toMatchObject({
        status: 'ok',
        detail: expect.stringContaining(`${shipped} of ${shipped}`),
      })
    } finally {
      await core.dispose()
    }
  })
})

describe('finding the migrations', () => {
  /** A package laid out as built: package.json, drizzle/ and the bundle folders. */
  function fakePackage(name: string): string {
    const root = join(scratch, name)
    mkdirSync(join(root, 'drizzle', 'meta'), { recursive: true })
    writeFileSync(join(root, 'drizzle', 'meta', '_journal.json'), '{"entries":[]}')
    writeFileSync(join(root, 'package.json'), '{}')
    return root
  }

  it.each([['out/main/chunks'], ['out/main'], ['src-main/core/db']])(
    'looks from %s up to the package root, whatever the working directory',
    (folder) => {
      const root = fakePackage(`package-${folder.replaceAll('/', '-')}`)
      mkdirSync(join(root, folder), { recursive: true })

      // The working directory (this repository) has a drizzle/ too; it must not win.
      expect(locateMigrations(undefined, join(root, folder))).toBe(join(root, 'drizzle'))
    },
  )

  it('finds the resources beside app.asar in a packaged app', () => {
    const resources = fakePackage('resources')
    const asar = join(resources, 'app.asar')
    mkdirSync(join(asar, 'out', 'main', 'chunks'), { recursive: true })
    writeFileSync(join(asar, 'package.json'), '{}')

    expect(locateMigrations(undefined, join(asar, 'out', 'main', 'chunks'))).toBe(
      join(resources, 'drizzle'),
    )
  })
})
