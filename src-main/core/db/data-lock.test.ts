import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, registerUser } from '../../testing/api-client'
import { createTestCore, makeTestDataDir } from '../../testing/test-core'
import { AppError } from '../errors/app-error'
import { acquireDataLock, DATA_LOCK_FILE } from './data-lock'

const LOCK_MODULE = resolve(import.meta.dirname, 'data-lock.ts')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'narraforge-lock-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Runs a separate Node process that tries to claim `dataDir`; resolves with its exit. */
function claimFromAnotherProcess(
  dataDir: string,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawnClaimant(dataDir, false)
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((settle, reject) => {
    child.on('error', reject)
    child.on('close', (code) => settle({ code, stderr }))
  })
}

/**
 * A process that tries to claim `dataDir`, prints `claimed` or `refused`, and with `hold` keeps
 * whatever it got until its stdin closes, so claimants overlap however slowly they start.
 */
function spawnClaimant(dataDir: string, hold: boolean): ChildProcess {
  const script = join(dir, `claim-${hold ? 'hold' : 'once'}.ts`)
  writeFileSync(
    script,
    [
      `import { acquireDataLock } from ${JSON.stringify(LOCK_MODULE)}`,
      `try {`,
      `  acquireDataLock(${JSON.stringify(dataDir)}, 'test')`,
      `  process.stdout.write('claimed\\n')`,
      `} catch (error) {`,
      `  process.stdout.write('refused\\n')`,
      `  if (!${hold}) throw error`,
      `}`,
      hold ? `process.stdin.resume().on('end', () => process.exit(0))` : '',
    ].join('\n'),
  )
  return spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: resolve(import.meta.dirname, '../../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

/** The first line a process prints. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((settle, reject) => {
    createInterface({ input: child.stdout! }).once('line', settle)
    child.once('close', (code) => reject(new Error(`exited with ${code} before answering`)))
  })
}

describe('the data-folder lock', () => {
  it('is refused to a second claimant in this process, naming the holder', () => {
    const lock = acquireDataLock(dir, 'desktop')
    try {
      expect(() => acquireDataLock(dir, 'server')).toThrow(AppError)
      expect(() => acquireDataLock(dir, 'server')).toThrow(`process ${process.pid}`)
    } finally {
      lock.release()
    }
  })

  it('is refused to another process, which exits non-zero naming the holder’s pid', async () => {
    const lock = acquireDataLock(dir, 'desktop')
    try {
      const result = await claimFromAnotherProcess(dir)

      expect(result.code).not.toBe(0)
      expect(result.stderr).toContain(`process ${process.pid}`)
    } finally {
      lock.release()
    }
  })

  it('lets another process claim the folder once it is released', async () => {
    acquireDataLock(dir, 'desktop').release()

    const result = await claimFromAnotherProcess(dir)

    expect(result).toMatchObject({ code: 0 })
  })

  it('takes over a lock left by a process that no longer runs', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    const stale = {
      pid: gone,
      host: hostname(),
      startedAt: '2026-01-01T00:00:00Z',
      mode: 'desktop',
    }
    writeFileSync(join(dir, DATA_LOCK_FILE), JSON.stringify(stale))

    const lock = acquireDataLock(dir, 'server')

    const owner = JSON.parse(readFileSync(lock.file, 'utf8'))
    expect(owner).toMatchObject({ pid: process.pid, mode: 'server' })
    lock.release()
    expect(existsSync(lock.file)).toBe(false)
  })

  it('respects a lock held on another machine, which it cannot check', () => {
    const remote = {
      pid: 1,
      host: `${hostname()}-elsewhere`,
      startedAt: '2026-01-01T00:00:00Z',
      mode: 'server',
    }
    writeFileSync(join(dir, DATA_LOCK_FILE), JSON.stringify(remote))

    expect(() => acquireDataLock(dir, 'desktop')).toThrow(/in use/)
  })
})

describe('a lock that cannot be read', () => {
  it('is taken as held while it is fresh: its owner may still be writing it', () => {
    writeFileSync(join(dir, DATA_LOCK_FILE), '')

    expect(() => acquireDataLock(dir, 'server')).toThrow(/being claimed by another/)
    expect(existsSync(join(dir, DATA_LOCK_FILE))).toBe(true)
  })

  it('is taken over once it is older than a few seconds', () => {
    const file = join(dir, DATA_LOCK_FILE)
    writeFileSync(file, '{"pid": 12')
    const aMinuteAgo = new Date(Date.now() - 60_000)
    utimesSync(file, aMinuteAgo, aMinuteAgo)

    const lock = acquireDataLock(dir, 'server')

    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid })
    lock.release()
  })
})

describe('claiming', () => {
  it('puts the lock in place whole and leaves no draft behind', () => {
    const lock = acquireDataLock(dir, 'desktop')
    try {
      expect(readdirSync(dir)).toEqual([DATA_LOCK_FILE])
      if (process.platform !== 'win32') expect(statSync(lock.file).mode & 0o777).toBe(0o600)
      expect(() => acquireDataLock(dir, 'server')).toThrow(/in use/)
      expect(readdirSync(dir)).toEqual([DATA_LOCK_FILE])
    } finally {
      lock.release()
    }
  })

  it('lets exactly one of several processes starting at once own the folder', async () => {
    const claimants = [1, 2, 3, 4].map(() => spawnClaimant(dir, true))
    try {
      const answers = await Promise.all(claimants.map(firstLine))

      expect(answers.sort()).toEqual(['claimed', 'refused', 'refused', 'refused'])
    } finally {
      const closed = claimants.map((c) => new Promise((settle) => c.once('close', settle)))
      for (const claimant of claimants) claimant.stdin!.end()
      await Promise.all(closed)
    }
  })
})

describe('a core on a data folder', () => {
  it('refuses a second core on the same folder, and lets one open it after close()', async () => {
    const dataDir = makeTestDataDir()
    const first = await createTestCore({ dataDir })
    const { user } = await registerUser(first)

    const second = createTestCore({ dataDir })

    await expect(second).rejects.toMatchObject({ kind: 'conflict' })
    await expect(second).rejects.toThrow(`process ${process.pid}`)
    expect((await call(first, 'GET', '/api/health/live')).status).toBe(200)

    await first.close()
    const reopened = await createTestCore({ dataDir })
    try {
      const found = await reopened.db.query.users.findFirst({
        where: (u, { eq }) => eq(u.id, user.id),
      })
      expect(found?.email).toBe(user.email)
    } finally {
      await reopened.dispose()
    }
  })
})
