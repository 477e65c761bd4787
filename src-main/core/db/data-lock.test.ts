import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, registerUser } from '../../testing/api-client'
import { createTestCore, makeTestDataDir } from '../../testing/test-core'
import { AppError } from '../errors/app-error'
import { acquireDataLock } from './data-lock'

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
  const script = join(dir, 'claim.ts')
  writeFileSync(
    script,
    [
      `import { acquireDataLock } from ${JSON.stringify(LOCK_MODULE)}`,
      `acquireDataLock(${JSON.stringify(dataDir)}, 'test')`,
    ].join('\n'),
  )
  return new Promise((settle, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: resolve(import.meta.dirname, '../../..'),
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => settle({ code, stderr }))
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
    writeFileSync(join(dir, 'narraforge.lock'), JSON.stringify(stale))

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
    writeFileSync(join(dir, 'narraforge.lock'), JSON.stringify(remote))

    expect(() => acquireDataLock(dir, 'desktop')).toThrow(/in use/)
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
    expect((await call(first, 'GET', '/api/health/ready')).status).toBe(200)

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
