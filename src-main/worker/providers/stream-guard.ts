import { AppError } from '../../core/errors/app-error'
import { linkCallSignal } from './call-signal'
import { createAbortError, PROVIDER_LABELS } from './provider-errors'
import type { ProviderName } from './types'

/**
 * Watches one streamed answer. The SDKs' `timeout` only covers the wait for response
 * headers, so a stream that goes silent afterwards would hang a job forever; the guard
 * aborts it after `idleMs` without a chunk and reports a retryable stall instead.
 */
export interface StreamGuard {
  /** Pass to the SDK call: aborts on the caller's signal or on a stall. */
  readonly signal: AbortSignal
  /** Restarts the idle timer; call on every chunk. */
  touch(): void
  /**
   * Both SDKs end a stream's iteration quietly when its signal aborts, so call this after
   * the loop: it throws the abort or stall error when the stream did not really finish.
   */
  throwIfStopped(): void
  /** Turns an error thrown by the stream into the abort or stall error it stands for. */
  explain(error: unknown): unknown
  dispose(): void
}

/** Starts guarding a stream for `provider`, linked to the caller's `signal`. */
export function guardStream(
  provider: ProviderName,
  callerSignal: AbortSignal | undefined,
  idleMs: number,
): StreamGuard {
  const call = linkCallSignal(callerSignal)
  let stalled = false
  let timer: NodeJS.Timeout | undefined

  const touch = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      stalled = true
      call.abort()
    }, idleMs)
  }
  const stoppedError = (): unknown => {
    if (callerSignal?.aborted) return createAbortError(callerSignal.reason)
    if (!stalled) return undefined
    const label = PROVIDER_LABELS[provider]
    return new AppError('provider', `${label} stopped sending the answer for ${idleMs / 1000} s`, {
      details: { provider, status: null, retryable: true, code: 'stream_stalled' },
    })
  }
  touch()

  return {
    signal: call.signal,
    touch,
    throwIfStopped: () => {
      const error = stoppedError()
      if (error) throw error
    },
    explain: (error) => stoppedError() ?? error,
    dispose: () => {
      clearTimeout(timer)
      call.unlink()
    },
  }
}
