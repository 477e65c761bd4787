import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Logger } from '../logging/logger'
import type { SpawnWorker, WorkerProcess } from './worker-process'

export interface WorkerEntry {
  path: string
  execArgv: string[]
}

/**
 * Finds the worker: the bundle beside the built main process, or the TypeScript source run
 * through tsx when the core itself runs from source (tests, benchmarks).
 */
export function locateWorkerEntry(): WorkerEntry {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const candidate of [join(here, 'worker.js'), join(here, '..', 'worker.js')]) {
    if (existsSync(candidate)) return { path: candidate, execArgv: [] }
  }
  const source = resolve(here, '../../worker/index.ts')
  return { path: source, execArgv: ['--import', 'tsx'] }
}

/** Forks workers with `child_process.fork` (Node and the headless server). */
export function childProcessSpawner(log: Logger, entry = locateWorkerEntry()): SpawnWorker {
  return (name) => {
    const child = fork(entry.path, [], {
      execArgv: entry.execArgv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, NARRAFORGE_WORKER_NAME: name },
    })
    const workerLog = log.child({ worker: name, pid: child.pid })
    // Anything a worker prints outside the protocol still reaches the main log.
    for (const stream of [child.stdout, child.stderr]) {
      if (stream)
        createInterface({ input: stream }).on('line', (line) =>
          workerLog.info({ line }, 'worker output'),
        )
    }
    const worker: WorkerProcess = {
      pid: child.pid,
      post: (message) => {
        if (child.connected) child.send(message as object)
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => child.kill('SIGKILL'),
    }
    return worker
  }
}
