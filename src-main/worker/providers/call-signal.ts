/** One SDK call's own signal, aborted with the job's until the call is over. */
export interface CallSignal {
  readonly signal: AbortSignal
  /** Aborts this call only, leaving the job's signal alone. */
  abort(reason?: unknown): void
  /** Call when the call is over: the job's signal forgets it. */
  unlink(): void
}

/**
 * Both SDKs hook the signal they are given and never unhook it, so handing them the job's own
 * signal would leave one listener (and the request it closes over) on it per model call, for
 * the whole job: hundreds on a novel. Each call gets a signal of its own, linked to the job's
 * for as long as the call lasts.
 */
export function linkCallSignal(jobSignal: AbortSignal | undefined): CallSignal {
  const controller = new AbortController()
  const follow = () => controller.abort(jobSignal?.reason)
  if (jobSignal?.aborted) follow()
  else jobSignal?.addEventListener('abort', follow, { once: true })
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    unlink: () => jobSignal?.removeEventListener('abort', follow),
  }
}
