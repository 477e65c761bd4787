import { STAGE_VALUES, type Stage } from '@shared/contracts/catalog'

/**
 * Each stage's share of a job's progress, roughly its share of the time and money a job
 * takes: drafting prose dominates, stylization rewrites every word once, the rest are a
 * handful of calls each. The shares add up to 1.
 */
export const STAGE_WEIGHTS: Record<Stage, number> = {
  brief: 0.02,
  world: 0.03,
  characters: 0.03,
  structure: 0.03,
  segment_plan: 0.04,
  prose: 0.6,
  stylization: 0.15,
  coherence: 0.04,
  editorial: 0.05,
  output: 0.01,
}

/** The share of the whole job done when `stage` is `fraction` (0–1) of the way through. */
export function overallProgress(stage: Stage, fraction: number): number {
  const index = STAGE_VALUES.indexOf(stage)
  const before = STAGE_VALUES.slice(0, index).reduce((sum, s) => sum + STAGE_WEIGHTS[s], 0)
  const within = STAGE_WEIGHTS[stage] * Math.min(1, Math.max(0, fraction))
  return Math.min(1, Math.round((before + within) * 10_000) / 10_000)
}
