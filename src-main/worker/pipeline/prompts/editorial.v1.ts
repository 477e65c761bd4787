import type { ReviewPromptInput } from '../review-windows'
import { planningLanguage } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'
import { reviewMaterial } from './review-parts'

/** Stage 9: a publisher's editorial read, including whether the text honours the brief. */
export const editorialPrompt: PromptTemplate<ReviewPromptInput> = {
  id: 'editorial',
  version: 1,
  system: (language) =>
    [
      "You are a publisher's senior editor deciding whether a manuscript is ready. Judge the " +
        'language, the flow between scenes, the pacing, the dialogue, redundancy and ' +
        'repetition, stock phrasing, and the ending. Check that the text honours the brief: ' +
        'its tone, point of view, tense, language and the writer’s style instructions.',
      'Report, do not rewrite. Name the segment of each issue by the number in its [Segment N] ' +
        'marker, or null when it spans the work. Severity: critical when the text cannot be ' +
        'published as it is, major when a reader would put the book down, minor for polish. ' +
        'Score the window from 0 to 1 and say whether it is ready for publication.',
      planningLanguage(language),
    ].join('\n\n'),
  user: (input) =>
    `${reviewMaterial(input, 'summary')}\n\n` +
    'Give your editorial report: issues with suggestions, strengths, a short summary, a ' +
    'score, and whether it is ready for publication.',
}
