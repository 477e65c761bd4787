import type { FromWorker } from '@shared/contracts/worker-protocol'

/** The message channel to the main process, the same over both ways a worker is forked. */
export interface WorkerPort {
  send(message: FromWorker): void
  /** Raw messages; the worker parses them, since the other side is another process. */
  onMessage(listener: (message: unknown) => void): void
  /** The parent went away; the worker should stop. */
  onClose(listener: () => void): void
  /** Resolves once every message sent so far has left the process, so exiting loses none. */
  flush(): Promise<void>
}

/** Electron's `process.parentPort` in a utilityProcess, typed here to keep electron out. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

type WorkerProcess = Pick<NodeJS.Process, 'on' | 'send' | 'connected'> & {
  parentPort?: ParentPort
}

/**
 * Opens the channel to the main process: Electron's `parentPort` when forked with
 * utilityProcess, Node's IPC channel (`process.send`) when forked with child_process.
 *
 * @example
 * const port = openWorkerPort()
 * port.send({ type: 'ready', pid: process.pid })
 */
export function openWorkerPort(proc: WorkerProcess = process): WorkerPort {
  const { parentPort } = proc
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      // Electron ends a utility process together with its parent; there is nothing to watch.
      onClose: () => {},
      // postMessage hands the message to Electron at once; a turn of the loop lets it go out.
      flush: () => new Promise((resolve) => setImmediate(resolve)),
    }
  }

  const send = proc.send?.bind(proc)
  if (!send) throw new Error('The worker has no channel to its parent; start it from the app')
  // process.send is asynchronous: exiting before its callbacks run can drop the last messages.
  let pending = 0
  let drained: (() => void)[] = []
  const settle = () => {
    pending--
    if (pending > 0) return
    drained.forEach((resolve) => resolve())
    drained = []
  }
  return {
    send: (message) => {
      if (!proc.connected) return
      pending++
      // The callback also swallows the error a closed channel would raise as an 'error' event.
      send(message, undefined, undefined, settle)
    },
    onMessage: (listener) => void proc.on('message', listener),
    onClose: (listener) => void proc.on('disconnect', listener),
    flush: () =>
      pending === 0 ? Promise.resolve() : new Promise((resolve) => drained.push(resolve)),
  }
}
