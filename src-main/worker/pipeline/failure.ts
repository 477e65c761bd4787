import type { WorkerError } from '@shared/contracts/worker-protocol'
import { isAppError } from '../../core/errors/app-error'
import { BUDGET_STOP } from './budget'

/**
 * Turns whatever stopped a run into the protocol's error. A cancelled signal wins over the
 * error it caused (an aborted call surfaces as an abort or a network error); provider and
 * configuration errors keep their message, which says what to fix; anything else is a bug
 * and is reported as internal.
 */
export function describeFailure(error: unknown, signal: AbortSignal): WorkerError {
  if (signal.aborted || (error instanceof Error && error.name === 'AbortError')) {
    return { kind: 'cancelled', message: 'The job was cancelled', retryable: false }
  }
  if (!isAppError(error)) {
    const message = error instanceof Error ? error.message : String(error)
    return { kind: 'internal', message: `The pipeline failed: ${message}`, retryable: false }
  }

  if (error.details?.reason === BUDGET_STOP) {
    return { kind: 'budget', message: error.message, retryable: false }
  }
  switch (error.kind) {
    case 'provider':
    case 'configuration':
    case 'rate_limited':
    case 'unavailable':
      return {
        kind: 'provider',
        message: error.message,
        retryable: error.details?.retryable === true,
      }
    case 'validation':
      return { kind: 'validation', message: error.message, retryable: false }
    default:
      return { kind: 'internal', message: error.message, retryable: false }
  }
}
