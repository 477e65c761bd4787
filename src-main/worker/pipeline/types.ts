import type {
  FromWorker,
  NarrativeResult,
  WorkerError,
  WorkerJob,
} from '@shared/contracts/worker-protocol'
import type { ModelCallRequest, ModelCallResult } from '../providers/types'

/** What the pipeline needs from the provider layer; the provider registry satisfies it. */
export interface ModelCaller {
  call<T>(request: ModelCallRequest<T>): Promise<ModelCallResult<T>>
}

/** Everything one pipeline run sees of the outside world. */
export interface PipelineContext {
  /** The job as the main process sent it: brief, budget, checkpoints, models and prices. */
  job: WorkerJob
  models: ModelCaller
  /** Progress, stages, streamed prose, usage, checkpoints, and the result or the failure. */
  emit(message: FromWorker): void
  /** Aborting it cancels the job and the model call in flight. */
  signal: AbortSignal
  /** Milliseconds clock; tests pass a fake one. */
  now?: () => number
}

/** How a run ended; the same facts were already emitted as `result` or `failed`. */
export type PipelineOutcome =
  | { status: 'completed'; narrative: NarrativeResult }
  | { status: 'failed' | 'cancelled'; error: WorkerError }
