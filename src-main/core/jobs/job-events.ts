import type { Stage } from '@shared/contracts/catalog'
import type { EventBus } from '../events/event-bus'
import { estimateSecondsLeft, type JobRow } from './job-dto'

/** Announces a job's state to its owner's windows (progress bar, status, cost, time left). */
export function publishProgress(events: EventBus, row: JobRow, now: Date, message?: string): void {
  events.publish({
    type: 'job.progress',
    user_id: row.userId,
    job_id: row.id,
    status: row.status,
    stage: row.currentStage as Stage | null,
    progress: row.progress,
    cost_usd: row.actualCostUsd,
    eta_s: estimateSecondsLeft(row, now),
    ...(message && { message }),
  })
}
