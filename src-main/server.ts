import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve, type ServerType } from '@hono/node-server'
import type { Hono } from 'hono'
import { createCore } from './core/create-core'
import { configurationError, findSettingsProblems } from './core/config/load-settings'
import { AppError, isAppError } from './core/errors/app-error'
import { createFileSecretStore } from './core/secrets/file-secret-store'
import { readProviderKeys } from './core/settings/settings-store'
import { parseServerArgs, SERVER_USAGE } from './server-args'
import { createWebApp } from './web-app'

/**
 * The headless server: the same core as the desktop app behind @hono/node-server, serving the
 * built renderer at `/` and the API at `/api`. It is browser mode where Electron cannot run,
 * the server a team shares, and what e2e tests and benchmarks drive.
 */
async function main(): Promise<void> {
  const { args, problems } = parseServerArgs(process.argv.slice(2))
  if (problems.length > 0) {
    // The settings are judged too (without creating anything), so one report lists it all.
    const settingsProblems = findSettingsProblems({
      mode: args.mode,
      dataDir: args.dataDir,
      secrets: readProviderKeys(createFileSecretStore(args.dataDir)),
    })
    const report = configurationError([...problems, ...settingsProblems])
    throw new AppError('configuration', `${report.message}\nUsage: ${SERVER_USAGE}`, {
      details: report.details,
    })
  }
  const core = await createCore({ mode: args.mode, dataDir: args.dataDir })
  const web = createWebApp(core, locateRenderer())

  const server = await listen(web, args.host, args.port)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : args.port
  const url = `http://${args.host.includes(':') ? `[${args.host}]` : args.host}:${port}`
  core.log.info({ url, dataDir: args.dataDir, mode: args.mode }, 'listening')
  process.stdout.write(`NarraForge listening on ${url}\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    core.log.info({ signal }, 'shutting down')
    server.close()
    await core.close()
    core.log.flush?.()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

function listen(app: Hono, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port }, () => resolve(server))
    server.once('error', reject)
  })
}

function locateRenderer(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  const dir = join(here, '..', 'renderer')
  return existsSync(join(dir, 'index.html')) ? dir : null
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad settings), so failures to start go to stderr directly.
  if (isAppError(error) && error.kind === 'configuration') {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  if (isAppError(error) && error.kind === 'conflict') {
    process.stderr.write(`${error.message}\n`)
    process.exit(3)
  }
  process.stderr.write(`NarraForge failed to start: ${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
