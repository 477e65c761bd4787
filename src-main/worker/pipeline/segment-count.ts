import { FORMS, type Form } from '@shared/contracts/catalog'

/** Words one prose call writes well: long enough for a scene, short enough to stay on plan. */
export const SEGMENT_WORDS = { min: 1_000, ideal: 1_800, max: 2_500 }

/** Segments planned per call; a 250-segment saga is planned in batches of this size. */
export const PLAN_BATCH_SIZE = 20

/**
 * How many segments a work gets: the target length divided into segments of about
 * `SEGMENT_WORDS.ideal` words, kept between the sizes a segment can have, then clamped to
 * the form's own segment range (which wins, so a 1,000-word short story still has 3 scenes).
 */
export function planSegmentCount(form: Form, targetWords: number): number {
  const [formMin, formMax] = FORMS[form].segments
  const fewest = Math.ceil(targetWords / SEGMENT_WORDS.max)
  const most = Math.max(fewest, Math.floor(targetWords / SEGMENT_WORDS.min))
  const bySize = clamp(Math.round(targetWords / SEGMENT_WORDS.ideal), fewest, most)
  return clamp(bySize, formMin, formMax)
}

/**
 * Splits `total` into whole numbers proportional to `weights` that add up to exactly
 * `total` (largest remainder), so rounding never makes the plan miss its target.
 */
export function distributeWords(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const shares = weights.map((w) => (sum > 0 ? (w / sum) * total : total / weights.length))
  const result = shares.map(Math.floor)
  let left = total - result.reduce((a, b) => a + b, 0)
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of byRemainder) {
    if (left <= 0) break
    result[index] = (result[index] ?? 0) + 1
    left--
  }
  return result
}

/** Segment numbers (1-based) grouped into planning batches. */
export function planBatches(count: number, size = PLAN_BATCH_SIZE): number[][] {
  const batches: number[][] = []
  for (let start = 1; start <= count; start += size) {
    const end = Math.min(count, start + size - 1)
    batches.push(Array.from({ length: end - start + 1 }, (_, i) => start + i))
  }
  return batches
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}
