import type { Stage } from '@shared/contracts/catalog'

/**
 * Names of the checkpoints a job leaves behind. The main process stores them by key and
 * hands them back on resume; anything found under its key is reused without a model call.
 * Numbers are zero-padded so the keys sort in story order.
 */
export const checkpointKeys = {
  /** A finished stage's output. */
  stage: (stage: Stage) => `stage:${stage}`,
  /** One batch of the segment plan (long works are planned in batches). */
  planBatch: (batch: number) => `plan:${pad(batch, 2)}`,
  /** A drafted segment: `SegmentCheckpoint`. */
  segment: (segment: number) => `segment:${pad(segment, 3)}`,
  /** A stylized segment: `StyledCheckpoint`. */
  styled: (segment: number) => `styled:${pad(segment, 3)}`,
  /** The findings of one review window of the coherence or editorial stage. */
  review: (stage: 'coherence' | 'editorial', window: number) => `${stage}:${pad(window, 2)}`,
  /** A segment rewritten to fix review findings: `RewriteCheckpoint`. */
  rewrite: (segment: number) => `rewrite:${pad(segment, 3)}`,
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
