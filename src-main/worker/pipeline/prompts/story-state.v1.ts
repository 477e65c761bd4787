import type { PlannedSegment } from '../segment-plan-stage'
import type { StoryState } from '../story-state'
import { asJson, joinSections, planningLanguage, section } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface StoryStatePromptInput {
  previous: StoryState
  segment: PlannedSegment
  text: string
}

/** Words the running summary may take; older events get compressed to stay under it. */
const SUMMARY_WORDS = 350

/** The continuity notes kept between segments. */
export const storyStatePrompt: PromptTemplate<StoryStatePromptInput> = {
  id: 'story_state',
  version: 1,
  system: (language) =>
    [
      'You keep the continuity notes of a novel in progress. After each new segment you ' +
        'update them so the writer of the next segment knows exactly where things stand.',
      `Keep the summary of the whole story so far under ${SUMMARY_WORDS} words: compress older ` +
        'events, keep the latest ones concrete. For each character note where they are, their ' +
        'physical and emotional state, what they know and what they want right now; add ' +
        'characters who appeared for the first time. List the open threads: promises, ' +
        'secrets, dangers and questions the story has not resolved yet. Record only what the ' +
        'text establishes.',
      planningLanguage(language),
    ].join('\n\n'),
  user: ({ previous, segment, text }) =>
    joinSections(
      section('Notes before this segment', asJson(previous)),
      section(`Segment ${segment.number}: ${segment.title}`, text),
      'Return the updated notes.',
    ),
}
