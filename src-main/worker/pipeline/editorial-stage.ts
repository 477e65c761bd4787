import { z } from 'zod'
import type { Cast } from './characters-stage'
import { checkpointKeys } from './checkpoint-keys'
import { FindingsSchema, issueSchema, selectRewrites, type Findings } from './findings'
import type { JobRun } from './job-run'
import { editorialPrompt } from './prompts/editorial.v1'
import type { DraftSegment } from './prose-stage'
import { reviewInWindows } from './review-windows'
import { rewriteSegments, type RewriteOutcome } from './rewrite-segments'
import type { SegmentPlan } from './segment-plan-stage'
import type { World } from './world-stage'

export const EDITORIAL_CATEGORIES = [
  'language',
  'flow',
  'pacing',
  'dialogue',
  'redundancy',
  'ending',
  'brief_fidelity',
  'other',
] as const

/** An editor's report on one window of the text. */
export const EditorialFindingsSchema = z.object({
  score: z.number().min(0).max(1),
  ready_for_publication: z.boolean(),
  summary: z.string(),
  strengths: z.array(z.string()),
  issues: z.array(issueSchema(EDITORIAL_CATEGORIES)),
})

export interface EditorialOutcome {
  findings: Findings
  rewrites: RewriteOutcome[]
  /** The segments as they leave the pipeline, rewrites applied. */
  segments: DraftSegment[]
}

/**
 * Stage 9: the editorial review, then the one rewrite pass. Segments that the coherence or
 * the editorial findings mark with critical or major issues are rewritten once, at most
 * `rewriteLimit` of them; the result is not reviewed again, so the pass can never loop.
 */
export async function reviewEditorially(
  run: JobRun,
  drafts: DraftSegment[],
  coherence: Findings,
  context: { world: World; cast: Cast; plan: SegmentPlan },
): Promise<EditorialOutcome> {
  const key = checkpointKeys.stage('editorial')
  const findings =
    run.reuse(key, z.object({ findings: FindingsSchema }))?.findings ??
    (await reviewInWindows(run, drafts, {
      stage: 'editorial',
      template: editorialPrompt,
      name: 'editorial_findings',
      schema: EditorialFindingsSchema,
      context,
      temperature: 0.3,
    }))

  const targets = selectRewrites(coherence, findings, drafts.length)
  const { segments, rewrites } = await rewriteSegments(run, drafts, targets, context.plan)
  run.save(key, { findings, rewrites })
  return { findings, rewrites, segments }
}
