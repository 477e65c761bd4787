import { z } from 'zod'
import type { Cast } from './characters-stage'
import { checkpointKeys } from './checkpoint-keys'
import type { JobRun } from './job-run'
import { runPlanningStep } from './planning-step'
import { segmentPlanPrompt } from './prompts/segment-plan.v1'
import { distributeWords, planBatches, planSegmentCount } from './segment-count'
import type { Structure } from './structure-stage'
import type { World } from './world-stage'

export const SEGMENT_PURPOSES = [
  'setup',
  'complication',
  'revelation',
  'confrontation',
  'climax',
  'resolution',
  'transition',
] as const

export const PlannedSegmentSchema = z.object({
  number: z.number().int().min(1),
  title: z.string(),
  summary: z.string(),
  key_events: z.array(z.string()),
  characters: z.array(z.string()),
  location: z.string(),
  purpose: z.enum(SEGMENT_PURPOSES),
  target_words: z.number().int().min(1),
  /** How the segment ends, so the next one can pick up from it. */
  ending: z.string(),
})
export type PlannedSegment = z.infer<typeof PlannedSegmentSchema>

export const SegmentPlanSchema = z.object({ segments: z.array(PlannedSegmentSchema).min(1) })
export type SegmentPlan = z.infer<typeof SegmentPlanSchema>

/** A batch's answer must hold exactly the segments asked for; a wrong count is re-asked once. */
function batchSchema(count: number) {
  return z.object({ segments: z.array(PlannedSegmentSchema).length(count) })
}

/**
 * Stage 5: splits the structure into segments. The count comes from the form and the target
 * length, not from the model; the model shapes each segment and proposes its relative length,
 * and the word targets are then scaled so the whole plan adds up to the target exactly.
 */
export async function planSegments(
  run: JobRun,
  world: World,
  cast: Cast,
  structure: Structure,
): Promise<SegmentPlan> {
  const stageKey = checkpointKeys.stage('segment_plan')
  const reused = run.reuse(stageKey, SegmentPlanSchema)
  if (reused) return reused

  const { brief } = run
  const count = planSegmentCount(brief.form, brief.target_words)
  const targets = distributeWords(brief.target_words, Array<number>(count).fill(1))
  const batches = planBatches(count)
  const segments: PlannedSegment[] = []

  for (const [index, numbers] of batches.entries()) {
    const batchTargets = numbers.map((n) => targets[n - 1] ?? 0)
    const answer = await runPlanningStep(run, {
      stage: 'segment_plan',
      key: checkpointKeys.planBatch(index + 1),
      template: segmentPlanPrompt,
      input: { brief, world, cast, structure, numbers, count, batchTargets, earlier: segments },
      name: 'segment_plan',
      schema: batchSchema(numbers.length),
      maxTokens: 600 + 350 * numbers.length,
      temperature: 0.5,
    })
    segments.push(...normalizeBatch(answer.segments, numbers, batchTargets))
    run.progress('segment_plan', (index + 1) / batches.length)
  }

  const plan = { segments }
  run.save(stageKey, plan)
  return plan
}

/**
 * Numbers the batch's segments as planned and rescales the model's proposed lengths to the
 * batch's share of the target. Proposals are kept within half to one and a half times the
 * average so one runaway number cannot starve the other segments.
 */
function normalizeBatch(
  answer: PlannedSegment[],
  numbers: number[],
  targets: number[],
): PlannedSegment[] {
  const total = targets.reduce((a, b) => a + b, 0)
  const average = total / numbers.length
  const weights = answer.map((s) =>
    Math.min(average * 1.5, Math.max(average * 0.5, s.target_words)),
  )
  const words = distributeWords(total, weights)
  return answer.map((segment, i) => ({
    ...segment,
    number: numbers[i] ?? segment.number,
    target_words: Math.max(1, words[i] ?? 0),
  }))
}
