import type { Job, JobStatus } from '@shared/contracts/jobs'
import type { DotTone } from '../../ui/StatusDot'

export const STATUS_TONE: Record<JobStatus, DotTone> = {
  queued: 'idle',
  running: 'running',
  completed: 'ok',
  failed: 'down',
  cancelled: 'unknown',
}

export const ACTIVE_STATUSES: readonly JobStatus[] = ['queued', 'running']

/** The brief is stored as loose JSON; read its title defensively. */
export function jobTitle(job: Pick<Job, 'brief'>): string | null {
  const title = job.brief.title
  return typeof title === 'string' && title.trim() ? title : null
}

/**
 * Whether the job stopped at its budget, so resuming should offer a higher one. The worker
 * reports such stops with the `budget` kind; older rows only say it in the message.
 */
export function stoppedByBudget(job: Pick<Job, 'error_kind' | 'error_message'>): boolean {
  if (job.error_kind === 'budget' || job.error_kind === 'budget_exceeded') return true
  return /budget/i.test(job.error_message ?? '')
}

/** The kinds of stop the job page words itself; the worker records one on every failure. */
export type FailureKind = 'budget' | 'provider' | 'validation' | 'internal' | 'unknown'

const WORDED_KINDS: readonly string[] = ['provider', 'validation', 'internal']

/** Why a job stopped, from its recorded kind; older rows or new kinds read as `unknown`. */
export function failureKind(job: Pick<Job, 'error_kind' | 'error_message'>): FailureKind {
  if (stoppedByBudget(job)) return 'budget'
  const kind = job.error_kind ?? ''
  return WORDED_KINDS.includes(kind) ? (kind as FailureKind) : 'unknown'
}
