import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, type ElectronApplication } from '@playwright/test'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const MAIN_BUNDLE = join(ROOT, 'out', 'main', 'index.js')
/** Printed when the tests skip, so a green run cannot be mistaken for a tested desktop app. */
export const NO_ELECTRON =
  'no Electron binary in node_modules/electron (its download is blocked or was skipped), so the desktop app was not launched; to run these tests, run `npx install-electron` with network access, then `npx electron-vite build`'

/** The Electron executable the npm package unpacked, or null when its binary was never fetched. */
export function findElectronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** A data folder of its own for one test. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'narraforge-electron-e2e-'))
}

/** Chromium refuses its sandbox to root (containers, CI); everyone else keeps it. */
function sandboxArgs(): string[] {
  return process.getuid?.() === 0 ? ['--no-sandbox'] : []
}

function appArgs(dataDir: string): string[] {
  return [ROOT, `--user-data-dir=${dataDir}`, ...sandboxArgs()]
}

function appEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env, NARRAFORGE_DATA_DIR: dataDir }
  // Either would turn the launched binary into something other than the built app.
  delete env.ELECTRON_RENDERER_URL
  delete env.ELECTRON_RUN_AS_NODE
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  )
}

/** Starts the built app (package.json `main`: out/main/index.js) on `dataDir`. */
export function launchApp(binary: string, dataDir: string): Promise<ElectronApplication> {
  return electron.launch({ executablePath: binary, args: appArgs(dataDir), env: appEnv(dataDir) })
}

/** Starts a second copy the plain way, as a writer double-clicking the icon would; resolves its exit code. */
export function launchSecondCopy(binary: string, dataDir: string): Promise<number | null> {
  const child = spawn(binary, appArgs(dataDir), { env: appEnv(dataDir), stdio: 'ignore' })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => resolve(code))
  })
}
