import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestInfo } from '@playwright/test'

const ROOT = join(import.meta.dirname, '..', '..')

export interface Running {
  url: string
  process: ChildProcess
  output: () => string
  stop(): Promise<void>
}

/**
 * Starts a command and waits for the line that announces its address; never a fixed sleep.
 */
export function startAndWaitForUrl(
  command: string,
  args: string[],
  pattern: RegExp,
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<Running> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no address within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = pattern.exec(output)
      if (!match) return
      clearTimeout(timer)
      resolve({
        url: match[1]!,
        process: child,
        output: () => output,
        stop: () => stopProcess(child),
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before announcing an address:\n${output}`))
    })
  })
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** A fresh data folder for one test, removed afterwards. */
export function makeDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'narraforge-e2e-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The headless server on a free port, with its own data folder. */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
  mode = 'browser',
): Promise<Running> {
  return startAndWaitForUrl(
    process.execPath,
    [join(ROOT, 'out/main/server.js'), '--port', '0', '--data-dir', dataDir, '--mode', mode],
    /NarraForge listening on (http:\/\/\S+)/,
    { ENVIRONMENT: 'test', ...env },
  )
}

/** The local model test server (OpenAI and Anthropic wire protocols) as its own process. */
export async function startModelServer(latencyMs = 5, port = '0'): Promise<Running> {
  return startAndWaitForUrl(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src-main/testing/model-server/cli.ts'),
      '--port',
      port,
      '--latency-ms',
      String(latencyMs),
    ],
    /model-server listening on (http:\/\/\S+)/,
  )
}

/**
 * On a failed test, attaches what the given processes printed and the data folder's logs, so
 * a failure on CI can be read without rerunning it.
 */
export async function attachOnFailure(
  testInfo: TestInfo,
  processes: Record<string, Running | undefined>,
  dataDir?: string,
): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return
  for (const [name, running] of Object.entries(processes)) {
    if (running) await testInfo.attach(`${name}-output`, { body: running.output() })
  }
  const logs = dataDir ? join(dataDir, 'logs') : undefined
  if (!logs || !existsSync(logs)) return
  for (const file of readdirSync(logs)) {
    await testInfo.attach(`log-${file}`, { path: join(logs, file) })
  }
}
