import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { DATA_LOCK_FILE } from './core/db/data-lock'
import { createTestCore, makeTestDataDir, TEST_JWT_SECRET } from './testing/test-core'

const ROOT = resolve(import.meta.dirname, '..')
const SERVER = join(ROOT, 'src-main/server.ts')
/** `npm run serve`: builds what is stale, then runs out/main/server.js. */
const SERVE_SCRIPT = join(ROOT, 'scripts/serve.mjs')
/** Starting tsx, PGlite and a worker takes several seconds on a busy machine. */
const START_TIMEOUT_MS = 60_000
/** The built server may first have to be built. */
const BUILD_TIMEOUT_MS = 240_000

interface Exit {
  code: number | null
  stderr: string
}

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/**
 * Runs the headless server in its own process, with only the given settings: from source
 * through tsx by default, or as `npm run serve` runs the build, from another folder.
 */
function startServer(
  args: string[],
  env: Record<string, string> = {},
  how: { built?: boolean; cwd?: string } = {},
) {
  const command = how.built ? [SERVE_SCRIPT] : ['--import', 'tsx', SERVER]
  const child = spawn(process.execPath, [...command, ...args], {
    cwd: how.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ENVIRONMENT: 'test',
      // The periodic health check would only add noise to a run this short.
      HEALTH_CHECK_INTERVAL_MS: '3600000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<Exit>((settle, reject) => {
    child.on('error', reject)
    child.on('close', (code) => settle({ code, stderr }))
  })
  return { child, exited }
}

/** Resolves with the address the server prints once it listens. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((settle, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const match = /^NarraForge listening on (http:\/\/\S+)$/.exec(line)
      if (match) settle(match[1]!)
    })
    child.on('close', (code) =>
      reject(new Error(`the server exited with ${code} before listening`)),
    )
  })
}

describe('the headless server', () => {
  it(
    'exits with code 2 and names the setting when a JWT secret is weak',
    async () => {
      const dataDir = makeTestDataDir()
      folders.push(dataDir)

      const { exited } = startServer(['--mode', 'browser', '--data-dir', dataDir], {
        JWT_SECRET_KEY: 'changeme-changeme-changeme-changeme',
      })
      const { code, stderr } = await exited

      expect(code).toBe(2)
      expect(stderr).toContain('fix these settings')
      expect(stderr).toMatch(/JWT_SECRET_KEY is a known placeholder/)
      expect(existsSync(join(dataDir, DATA_LOCK_FILE))).toBe(false)
    },
    START_TIMEOUT_MS,
  )

  it(
    'reports bad flags and bad settings together in one report, with code 2',
    async () => {
      const dataDir = makeTestDataDir()
      folders.push(dataDir)

      const { exited } = startServer(['--port', 'eighty', '--data-dir', dataDir], {
        RATE_LIMIT_PER_MINUTE: 'lots',
        JWT_SECRET_KEY: TEST_JWT_SECRET,
      })
      const { code, stderr } = await exited

      expect(code).toBe(2)
      expect(stderr).toContain('--port: must be a whole number from 0 to 65535')
      expect(stderr).toContain('RATE_LIMIT_PER_MINUTE: must be a whole number from 1 to 100000')
      // Server mode needs a provider: the settings were judged by the mode's rules too.
      expect(stderr).toContain('at least one AI provider')
      expect(stderr).toContain('Usage: npm run serve')
    },
    START_TIMEOUT_MS,
  )

  it(
    'on SIGTERM checkpoints and closes the database, releases the folder and exits 0',
    async () => {
      const dataDir = makeTestDataDir()
      folders.push(dataDir)
      const { child, exited } = startServer([
        '--port',
        '0',
        '--mode',
        'browser',
        '--data-dir',
        dataDir,
      ])
      const url = await listeningUrl(child)
      const email = `sigterm-${Date.now()}@example.com`
      const registered = await fetch(`${url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'Secret123' }),
      })
      expect(registered.status).toBe(201)
      expect(existsSync(join(dataDir, DATA_LOCK_FILE))).toBe(true)

      child.kill('SIGTERM')
      const { code, stderr } = await exited

      expect(code, stderr).toBe(0)
      expect(existsSync(join(dataDir, DATA_LOCK_FILE))).toBe(false)
      const reopened = await createTestCore({ dataDir })
      try {
        const user = await reopened.db.query.users.findFirst({
          where: (u, { eq }) => eq(u.email, email),
        })
        expect(user?.email).toBe(email)
      } finally {
        await reopened.close()
      }
    },
    START_TIMEOUT_MS,
  )

  it(
    'starts from the build in any working directory and finds its migrations',
    async () => {
      const dataDir = makeTestDataDir()
      const elsewhere = mkdtempSync(join(tmpdir(), 'narraforge-cwd-'))
      folders.push(dataDir, elsewhere)
      const { child, exited } = startServer(
        ['--port', '0', '--mode', 'browser', '--data-dir', dataDir],
        {},
        { built: true, cwd: elsewhere },
      )

      const url = await listeningUrl(child)
      const live = await fetch(`${url}/api/health/live`)
      const ready = await fetch(`${url}/api/health/ready`)
      child.kill('SIGTERM')
      const { code, stderr } = await exited

      expect(live.status).toBe(200)
      const migrations = (
        (await ready.json()) as { checks: { name: string; status: string }[] }
      ).checks.find((c) => c.name === 'migrations')
      expect(migrations?.status).toBe('ok')
      expect(code, stderr).toBe(0)
    },
    BUILD_TIMEOUT_MS,
  )
})
