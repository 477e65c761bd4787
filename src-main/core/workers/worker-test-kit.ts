import type { ModelCallRequest } from '../../worker/providers/types'
import { createFakeModels } from '../../worker/pipeline/pipeline-test-kit'
import type { ModelCaller } from '../../worker/pipeline/types'
import { startWorker } from '../../worker/run-worker'
import type { WorkerPort } from '../../worker/worker-port'
import type { SpawnWorker, WorkerProcess } from './worker-process'

/** A worker started by `createInProcessSpawner`, as the test sees it. */
export interface InProcessWorker {
  name: string
  process: WorkerProcess
  exited: boolean
  /** What the main process sent it, in order. */
  received: unknown[]
}

/**
 * Spawns workers that run the real worker loop (`startWorker`) inside the test process, with
 * fake models instead of providers. Messages are copied and delivered a turn later, as over
 * IPC. `kill` ends a worker at once: whatever it sends afterwards is lost, as with a process.
 */
export function createInProcessSpawner(
  models: () => ModelCaller = () => createFakeModels(),
  heartbeatMs = 100,
): { spawn: SpawnWorker; workers: InProcessWorker[] } {
  const workers: InProcessWorker[] = []
  const spawn: SpawnWorker = (name) => {
    const toMain: ((message: unknown) => void)[] = []
    const toWorker: ((message: unknown) => void)[] = []
    const exitListeners: ((code: number | null) => void)[] = []
    const closeListeners: (() => void)[] = []
    const deliver = (listeners: ((message: unknown) => void)[], message: unknown) => {
      const copy = structuredClone(message)
      queueMicrotask(() => !worker.exited && listeners.forEach((l) => l(copy)))
    }
    const exit = (code: number | null) => {
      if (worker.exited) return
      worker.exited = true
      closeListeners.forEach((l) => l())
      exitListeners.forEach((l) => l(code))
    }
    const process: WorkerProcess = {
      pid: 10_000 + workers.length,
      post: (message) => {
        worker.received.push(message)
        if (!worker.exited) deliver(toWorker, message)
      },
      onMessage: (listener) => void toMain.push(listener),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => exit(null),
    }
    const worker: InProcessWorker = { name, process, exited: false, received: [] }
    const port: WorkerPort = {
      send: (message) => void (!worker.exited && deliver(toMain, message)),
      onMessage: (listener) => void toWorker.push(listener),
      onClose: (listener) => void closeListeners.push(listener),
      flush: () => Promise.resolve(),
    }
    workers.push(worker)
    startWorker({
      port,
      pid: process.pid,
      heartbeatMs,
      createModels: models,
      exit: (code) => queueMicrotask(() => exit(code)),
    })
    return process
  }
  return { spawn, workers }
}

/** A held model call: the test lets it answer, or sees it aborted. */
export interface HeldCall {
  request: ModelCallRequest<unknown>
  release(): void
}

/**
 * Fake models that hold every call `hold` picks until the test releases it; a held call that
 * is aborted rejects as a real one would. `waitForHeld` resolves at the next held call.
 */
export function createHeldModels(hold: (request: ModelCallRequest<unknown>) => boolean) {
  const inner = createFakeModels()
  const held: HeldCall[] = []
  const waiters: ((call: HeldCall) => void)[] = []
  const models: ModelCaller = {
    async call(request) {
      if (hold(request as ModelCallRequest<unknown>)) {
        await new Promise<void>((resolve, reject) => {
          const call = { request: request as ModelCallRequest<unknown>, release: resolve }
          request.signal?.addEventListener('abort', () => reject(abortError()), { once: true })
          held.push(call)
          waiters.splice(0).forEach((w) => w(call))
        })
      }
      return inner.call(request)
    },
  }
  return {
    models,
    inner,
    held,
    waitForHeld: () =>
      new Promise<HeldCall>((resolve) => {
        waiters.push(resolve)
      }),
  }
}

/** Prose calls of the segment numbered `n` (drafts, not structured answers). */
export function isProseOfSegment(n: number) {
  return (request: ModelCallRequest<unknown>) =>
    !request.structured && new RegExp(`Plan of segment ${n}\\b`).test(request.prompt)
}

function abortError(): Error {
  const error = new Error('The model call was cancelled')
  error.name = 'AbortError'
  return error
}
