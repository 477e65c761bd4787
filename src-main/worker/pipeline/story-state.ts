import { z } from 'zod'
import type { Cast } from './characters-stage'
import type { JobRun } from './job-run'
import type { PlannedSegment } from './segment-plan-stage'
import { storyStatePrompt } from './prompts/story-state.v1'

/**
 * What the next segment's writer needs to know about everything written so far: a summary,
 * where each character stands now, and the threads still open.
 */
export const StoryStateSchema = z.object({
  summary: z.string(),
  characters: z.array(z.object({ name: z.string(), state: z.string() })),
  open_threads: z.array(z.string()),
})
export type StoryState = z.infer<typeof StoryStateSchema>

/** Whose model keeps the rolling state: it is planning bookkeeping, not prose. */
export const STATE_MODEL_STAGE = 'segment_plan'

/** The state before the first segment: nothing has happened, everyone is as designed. */
export function initialStoryState(cast: Cast): StoryState {
  return {
    summary: '',
    characters: cast.characters.map((c) => ({ name: c.name, state: c.starting_state })),
    open_threads: [],
  }
}

/** Folds a freshly written segment into the rolling state with a small structured call. */
export function updateStoryState(
  run: JobRun,
  previous: StoryState,
  segment: PlannedSegment,
  text: string,
): Promise<StoryState> {
  return run.ask({
    stage: 'prose',
    modelStage: STATE_MODEL_STAGE,
    workKey: `state:${String(segment.number).padStart(3, '0')}`,
    system: storyStatePrompt.system(run.brief.language),
    prompt: storyStatePrompt.user({ previous, segment, text }),
    maxTokens: 1_500 + 150 * previous.characters.length,
    temperature: 0.2,
    structured: { name: 'story_state', schema: StoryStateSchema },
  })
}
