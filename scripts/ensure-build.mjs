import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = [
  'src-main',
  'src-renderer',
  'src-shared',
  'drizzle',
  'electron.vite.config.ts',
  'package.json',
]
const OUTPUTS = [
  'out/main/index.js',
  'out/main/server.js',
  'out/main/worker.js',
  'out/renderer/index.html',
]

/** Builds with electron-vite when an output is missing or older than any source file. */
export function ensureBuild(root) {
  const oldest = Math.min(
    ...OUTPUTS.map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0)),
  )
  const newest = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))))
  if (oldest > 0 && oldest >= newest) return
  process.stdout.write('Building NarraForge (electron-vite build)…\n')
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  if (result.status !== 0) {
    process.stderr.write('The build failed; see the errors above.\n')
    process.exit(result.status ?? 1)
  }
}

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}
