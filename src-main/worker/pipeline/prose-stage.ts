import { z } from 'zod'
import type { Cast } from './characters-stage'
import { checkpointKeys } from './checkpoint-keys'
import type { JobRun } from './job-run'
import type { SegmentPlan } from './segment-plan-stage'
import {
  initialStoryState,
  StoryStateSchema,
  updateStoryState,
  type StoryState,
} from './story-state'
import { lastWords } from './text'
import type { World } from './world-stage'
import { writeSegment } from './write-segment'

/** `segment:<nnn>`: a drafted segment and the story state after it. */
export const SegmentCheckpointSchema = z.object({
  text: z.string(),
  words: z.number().int(),
  finish: z.enum(['stop', 'length', 'other']),
  state: StoryStateSchema,
  warnings: z.array(z.string()).default([]),
})
export type SegmentCheckpoint = z.infer<typeof SegmentCheckpointSchema>

/** A segment of the story as it moves through the later stages. */
export interface DraftSegment {
  number: number
  title: string
  text: string
  words: number
  /** The running summary before this segment, for reviewers that see only part of the work. */
  summaryBefore: string
}

/** Words of the previous segment the next one sees, to make the seam invisible. */
export const SEAM_WORDS = 300

/**
 * Stage 6: writes the segments in order. Each one is written from the rolling story state
 * (summary, character states, open threads), the end of the previous segment and the plan
 * of this segment and the next, then the state is updated and the segment checkpointed
 * with it, so a resumed job starts exactly where it stopped.
 */
export async function writeProse(
  run: JobRun,
  world: World,
  cast: Cast,
  plan: SegmentPlan,
): Promise<DraftSegment[]> {
  const { segments } = plan
  const drafts: DraftSegment[] = []
  let state: StoryState = initialStoryState(cast)
  let previousEnd = ''

  for (const [index, segment] of segments.entries()) {
    const key = checkpointKeys.segment(segment.number)
    const summaryBefore = state.summary
    let written = run.reuse(key, SegmentCheckpointSchema)

    if (!written) {
      const next = segments[index + 1]
      const draft = await writeSegment(run, {
        world,
        cast,
        segment,
        next,
        count: segments.length,
        state,
        previousEnd,
      })
      // Nobody reads the state after the last segment, so that call is not made.
      const after = next ? await updateStoryState(run, state, segment, draft.text) : state
      written = { ...draft, state: after }
      run.save(key, written)
    }

    written.warnings.forEach((w) => run.warn(w))
    state = written.state
    previousEnd = lastWords(written.text, SEAM_WORDS)
    const { number, title } = segment
    drafts.push({ number, title, text: written.text, words: written.words, summaryBefore })
    run.progress('prose', (index + 1) / segments.length, `Segment ${segment.number} written`)
  }

  run.save(checkpointKeys.stage('prose'), {
    segments: drafts.map(({ number, words }) => ({ number, words })),
    words: drafts.reduce((sum, d) => sum + d.words, 0),
  })
  return drafts
}
