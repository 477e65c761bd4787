import { z } from 'zod'
import { checkpointKeys } from './checkpoint-keys'
import type { RewriteTarget } from './findings'
import type { JobRun } from './job-run'
import { rewritePrompt } from './prompts/rewrite.v1'
import type { DraftSegment } from './prose-stage'
import type { SegmentPlan } from './segment-plan-stage'
import { cleanProse, countWords, firstWords, lastWords } from './text'
import { proseMaxTokens } from './write-segment'

/** `rewrite:<nnn>`: a segment revised to fix review findings, or why the revision was dropped. */
export const RewriteCheckpointSchema = z.object({
  text: z.string(),
  words: z.number().int(),
  applied: z.boolean(),
  issues: z.array(z.string()),
})

export interface RewriteOutcome {
  segment: number
  applied: boolean
  words: number
  issues: string[]
}

/** A revision shorter than this share of the segment lost story; the segment is kept. */
const MIN_KEPT_RATIO = 0.6
/** Words of each neighbouring segment a rewrite sees, to keep the seams. */
export const REWRITE_SEAM_WORDS = 150

/**
 * Rewrites each target segment once with the prose model, booked to the editorial stage.
 * A revision that was cut off or lost much of the text is dropped with a warning, and the
 * polished segment stays.
 */
export async function rewriteSegments(
  run: JobRun,
  drafts: DraftSegment[],
  targets: RewriteTarget[],
  plan: SegmentPlan,
): Promise<{ segments: DraftSegment[]; rewrites: RewriteOutcome[] }> {
  const segments = [...drafts]
  const rewrites: RewriteOutcome[] = []

  for (const target of targets) {
    const index = segments.findIndex((s) => s.number === target.segment)
    const draft = segments[index]
    const planned = plan.segments.find((s) => s.number === target.segment)
    if (!draft || !planned) continue

    const key = checkpointKeys.rewrite(draft.number)
    let done = run.reuse(key, RewriteCheckpointSchema)
    if (!done) {
      const result = await run.call({
        stage: 'editorial',
        modelStage: 'prose',
        workKey: key,
        system: rewritePrompt.system(run.brief.language),
        prompt: rewritePrompt.user({
          brief: run.brief,
          segment: planned,
          text: draft.text,
          issues: target.issues,
          previousEnd: lastWords(segments[index - 1]?.text ?? '', REWRITE_SEAM_WORDS),
          nextStart: firstWords(segments[index + 1]?.text ?? '', REWRITE_SEAM_WORDS),
        }),
        maxTokens: proseMaxTokens(Math.ceil(draft.words * 1.2)),
        temperature: 0.7,
        stream: { segment: draft.number },
      })
      const text = cleanProse(result.text)
      const applied =
        result.finishReason !== 'length' && countWords(text) >= MIN_KEPT_RATIO * draft.words
      const issues = target.issues.map((i) => i.description)
      done = applied
        ? { text, words: countWords(text), applied, issues }
        : { text: draft.text, words: draft.words, applied, issues }
      run.save(key, done)
    }

    if (done.applied) segments[index] = { ...draft, text: done.text, words: done.words }
    else run.warn(`Segment ${draft.number}: the revision was incomplete, the segment was kept`)
    const { applied, words, issues } = done
    rewrites.push({ segment: draft.number, applied, words, issues })
  }
  return { segments, rewrites }
}
