import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureBuild } from './ensure-build.mjs'

/**
 * `npm start`: build what is missing, then open the desktop app when an Electron binary is
 * present or can be installed; otherwise serve the same app on 127.0.0.1 for a browser.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
ensureBuild(root)

const electron = findOrInstallElectron()
if (electron) {
  const child = spawn(electron, [root], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  process.stdout.write(
    'Electron is not available on this machine, so NarraForge runs in browser mode.\n' +
      'Open the address below in your browser; press Ctrl+C to stop.\n',
  )
  const child = spawn(
    process.execPath,
    [join(root, 'out/main/server.js'), '--mode', 'browser', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  )
  const forward = (signal) => child.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  child.on('exit', (code) => process.exit(code ?? 0))
}

function findOrInstallElectron() {
  if (process.env.NARRAFORGE_BROWSER === '1') return null
  const require = createRequire(import.meta.url)
  let pkgDir
  try {
    pkgDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const binary = electronBinary(pkgDir)
  if (binary) return binary
  // Electron 42+ downloads its binary on first use; try once, briefly, and fall back quietly.
  process.stdout.write('Looking for the Electron binary…\n')
  const result = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  })
  return result.status === 0 ? electronBinary(pkgDir) : null
}

function electronBinary(pkgDir) {
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
