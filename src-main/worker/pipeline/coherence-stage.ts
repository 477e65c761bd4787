import { z } from 'zod'
import type { Cast } from './characters-stage'
import { checkpointKeys } from './checkpoint-keys'
import { FindingsSchema, issueSchema, type Findings } from './findings'
import type { JobRun } from './job-run'
import { coherencePrompt } from './prompts/coherence.v1'
import type { DraftSegment } from './prose-stage'
import { reviewInWindows } from './review-windows'
import type { SegmentPlan } from './segment-plan-stage'
import type { World } from './world-stage'

export const COHERENCE_CATEGORIES = [
  'plot_logic',
  'character',
  'timeline',
  'world_rules',
  'continuity',
] as const

/** A continuity checker's report on one window of the text. */
export const CoherenceFindingsSchema = z.object({
  score: z.number().min(0).max(1),
  summary: z.string(),
  strengths: z.array(z.string()),
  issues: z.array(issueSchema(COHERENCE_CATEGORIES)),
})
export type CoherenceFindings = z.infer<typeof CoherenceFindingsSchema>

/**
 * Stage 8: checks the polished text for contradictions of logic, character, time, world
 * rules and physical continuity. It reports; the rewrite pass after the editorial review
 * acts on what it finds.
 */
export async function validateCoherence(
  run: JobRun,
  drafts: DraftSegment[],
  context: { world: World; cast: Cast; plan: SegmentPlan },
): Promise<Findings> {
  const key = checkpointKeys.stage('coherence')
  const reused = run.reuse(key, FindingsSchema)
  if (reused) return reused

  const findings = await reviewInWindows(run, drafts, {
    stage: 'coherence',
    template: coherencePrompt,
    name: 'coherence_findings',
    schema: CoherenceFindingsSchema,
    context,
    temperature: 0.2,
  })
  run.save(key, findings)
  return findings
}
