/**
 * One forked worker, whatever forked it. Electron's utilityProcess and Node's child_process
 * differ in every detail (messages, exit codes, kill); these five members cover both.
 */
export interface WorkerProcess {
  readonly pid: number | undefined
  post(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

/** Forks a worker; `name` labels its logs and, in Electron, its `serviceName`. */
export type SpawnWorker = (name: string) => WorkerProcess
