import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../core/create-core'
import { createSilentLogger } from '../core/logging/logger'
import { benchApi } from './bench-api'
import { benchEngine } from './bench-engine'
import { benchJobList } from './bench-queue'

/**
 * `npm run bench`: prints the figures the issues ask for, all measured in one run on this
 * machine. Nothing here asserts; the numbers are for people.
 */
async function main(): Promise<void> {
  const print = (line: string) => process.stdout.write(`${line}\n`)
  const only = process.argv[2]
  const dataDir = mkdtempSync(join(tmpdir(), 'narraforge-bench-'))
  print(`NarraForge benchmarks — node ${process.version}, ${new Date().toISOString()}`)

  const core = await createCore({
    mode: 'desktop',
    dataDir,
    log: createSilentLogger(),
    spawnWorker: null,
    env: {
      RATE_LIMIT_DESKTOP_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      ENVIRONMENT: 'test',
    },
  })
  try {
    if (!only || only === 'api') {
      print('\n## API')
      await benchApi(core, print)
    }
    if (!only || only === 'queue') {
      print('\n## Job list at 100,000 jobs')
      await benchJobList(core, print)
    }
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  if (!only || only === 'engine') {
    print('\n## Engine (local model server, 50 ms per call)')
    await benchEngine(print)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`)
  process.exit(1)
})
