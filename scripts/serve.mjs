import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureBuild } from './ensure-build.mjs'

/** `npm run serve -- [--host H] [--port N] [--data-dir DIR]`: the headless server. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
ensureBuild(root)

const child = spawn(
  process.execPath,
  [join(root, 'out/main/server.js'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
