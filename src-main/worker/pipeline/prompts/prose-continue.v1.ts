import type { Brief } from '@shared/contracts/jobs'
import type { PlannedSegment } from '../segment-plan-stage'
import { asJson, describeVoice, joinSections, proseLanguage, section } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface ProseContinuePromptInput {
  brief: Brief
  segment: PlannedSegment
  count: number
  /** The end of the text written so far, where it was cut off. */
  writtenEnd: string
  remainingWords: number
}

/** Stage 6: finishes a segment whose answer was cut off at the token limit. */
export const proseContinuePrompt: PromptTemplate<ProseContinuePromptInput> = {
  id: 'prose_continue',
  version: 1,
  system: (language) =>
    [
      'You are a novelist finishing a segment whose draft stopped mid-way. Continue the text ' +
        'from the exact word where it breaks off, in the same voice, point of view and tense. ' +
        'Do not repeat anything already written and add no heading or commentary: your answer ' +
        'is pasted straight after the existing text.',
      proseLanguage(language),
    ].join('\n\n'),
  user: ({ brief, segment, count, writtenEnd, remainingWords }) =>
    joinSections(
      section('The work', describeVoice(brief)),
      section(`Plan of segment ${segment.number} of ${count}`, asJson(segment)),
      section('The draft so far ends with', writtenEnd),
      `Continue from there and complete the segment's planned events in about ` +
        `${remainingWords} more words, ending where the plan says it ends.`,
    ),
}
