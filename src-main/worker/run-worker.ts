import type { Logger } from 'pino'
import {
  ToWorkerSchema,
  type FromWorker,
  type ProviderConfig,
  type WorkerJob,
} from '@shared/contracts/worker-protocol'
import { runPipeline } from './pipeline/run-pipeline'
import type { ModelCaller } from './pipeline/types'
import { createPortLogger } from './port-logger'
import { createProviders } from './providers/create-providers'
import type { WorkerPort } from './worker-port'

export interface WorkerOptions {
  port: WorkerPort
  pid?: number
  /** The main process treats a worker silent for several beats as hung. */
  heartbeatMs?: number
  /**
   * Builds the model registry from the provider settings; tests hand in a fake. It is built
   * once and kept across jobs, so circuit breakers remember a failing provider; a job that
   * brings other provider settings (changed in Settings) gets a new one.
   */
  createModels?: (providers: ProviderConfig, logger: Logger) => ModelCaller
  exit?: (code: number) => void
}

export interface RunningWorker {
  /** Cancels the running job, waits for it to report, stops the heartbeat and exits. */
  shutdown(): Promise<void>
}

const HEARTBEAT_MS = 2_000

/**
 * The worker's message loop: announces itself, beats every two seconds, runs one job at a
 * time on `start`, aborts it on `cancel`, stops it at its next checkpoint on `drain`, and
 * exits cleanly after `drain`, on `shutdown` or when the parent goes away.
 */
export function startWorker(options: WorkerOptions): RunningWorker {
  const { port } = options
  const logger = createPortLogger(port.send).child({ module: 'worker' })
  const models = keepModels(options.createModels ?? defaultModels, logger)
  let current: { job: WorkerJob; controller: AbortController; done: Promise<unknown> } | null = null
  let stopping: Promise<void> | null = null
  let draining = false

  const heartbeat = setInterval(
    () => port.send({ type: 'heartbeat', jobId: current?.job.id ?? null }),
    options.heartbeatMs ?? HEARTBEAT_MS,
  )
  heartbeat.unref()

  const start = (job: WorkerJob) => {
    if (current || stopping || draining) {
      const message =
        stopping || draining
          ? 'This worker is shutting down'
          : `This worker is already running job ${current?.job.id}`
      port.send({
        type: 'failed',
        jobId: job.id,
        error: { kind: 'internal', message, retryable: true },
      })
      return
    }
    const controller = new AbortController()
    logger.info({ jobId: job.id }, 'job started')
    const done = runJob(job, controller).finally(() => (current = null))
    current = { job, controller, done }
  }

  /** runPipeline reports its own failures; this catches what escapes it, such as a bad registry. */
  const runJob = async (job: WorkerJob, controller: AbortController) => {
    // While draining, the job stops right after the checkpoint that saves the work in flight.
    const emit = (message: FromWorker) => {
      port.send(message)
      if (draining && message.type === 'checkpoint') controller.abort()
    }
    try {
      const signal = controller.signal
      await runPipeline({ job, models: models(job.providers), emit, signal })
    } catch (error) {
      logger.error({ err: error, jobId: job.id }, 'the job could not run')
      const message = `The worker could not run the job: ${(error as Error).message}`
      port.send({
        type: 'failed',
        jobId: job.id,
        error: { kind: 'internal', message, retryable: false },
      })
    }
  }

  const drain = () => {
    if (!current) return shutdown()
    draining = true
    logger.info({ jobId: current.job.id }, 'draining: the job stops at its next checkpoint')
    void current.done.then(() => shutdown())
  }

  const shutdown = () => {
    stopping ??= (async () => {
      current?.controller.abort()
      await current?.done
      clearInterval(heartbeat)
      logger.info('worker stopped')
      await port.flush()
      ;(options.exit ?? process.exit)(0)
    })()
    return stopping
  }

  port.onMessage((raw) => {
    const parsed = ToWorkerSchema.safeParse(raw)
    if (!parsed.success) {
      logger.warn({ problem: parsed.error.message.slice(0, 500) }, 'ignored an invalid message')
      return
    }
    const message = parsed.data
    if (message.type === 'start') start(message.job)
    else if (message.type === 'drain') void drain()
    else if (message.type === 'cancel' && current?.job.id === message.jobId) {
      current.controller.abort()
    } else if (message.type === 'shutdown') void shutdown()
  })
  port.onClose(() => void shutdown())

  port.send({ type: 'ready', pid: options.pid ?? process.pid })
  return { shutdown }
}

/** One registry for the life of the worker, built again only when its settings change. */
function keepModels(
  create: NonNullable<WorkerOptions['createModels']>,
  logger: Logger,
): (providers: ProviderConfig) => ModelCaller {
  let kept: { key: string; models: ModelCaller } | null = null
  return (providers) => {
    const key = JSON.stringify(providers)
    if (kept?.key !== key) {
      if (kept) logger.info('provider settings changed; building the providers again')
      kept = { key, models: create(providers, logger) }
    }
    return kept.models
  }
}

function defaultModels(providers: ProviderConfig, logger: Logger): ModelCaller {
  return createProviders(providers, { logger })
}
