import { join } from 'node:path'
import { utilityProcess } from 'electron'
import type { Logger } from '../core/logging/logger'
import type { SpawnWorker, WorkerProcess } from '../core/workers/worker-process'

/**
 * Forks generation workers as Electron utility processes: sandboxed Node without a window,
 * named in the OS task manager by `serviceName`. Their output is relayed to the main log.
 */
export function utilityProcessSpawner(log: Logger): SpawnWorker {
  const entry = join(import.meta.dirname, 'worker.js')
  return (name) => {
    // stdin must be ignored: a utility process cannot read it.
    const child = utilityProcess.fork(entry, [], {
      serviceName: `NarraForge ${name}`,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NARRAFORGE_WORKER_NAME: name },
    })
    const workerLog = log.child({ worker: name })
    child.stdout?.on('data', (chunk: Buffer) =>
      workerLog.info({ line: chunk.toString().trim() }, 'worker output'),
    )
    child.stderr?.on('data', (chunk: Buffer) =>
      workerLog.warn({ line: chunk.toString().trim() }, 'worker output'),
    )
    const worker: WorkerProcess = {
      get pid() {
        return child.pid
      },
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    }
    return worker
  }
}
