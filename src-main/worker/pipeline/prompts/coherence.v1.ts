import { planningLanguage } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'
import { reviewMaterial } from './review-parts'
import type { ReviewPromptInput } from '../review-windows'

/** Stage 8: a continuity check that reports and does not fix. */
export const coherencePrompt: PromptTemplate<ReviewPromptInput> = {
  id: 'coherence',
  version: 1,
  system: (language) =>
    [
      'You check the continuity of a novel the way a meticulous copy editor does before it ' +
        'goes to print. Look for contradictions: plot steps that do not follow, characters ' +
        'acting against what the story has established without cause, impossible timing, ' +
        "breaches of the world's rules, and slips of physical continuity (names, wounds, " +
        'objects, places, who knows what). Report them; do not rewrite anything.',
      'Name the segment of each issue by the number in its [Segment N] marker, or null when ' +
        'it spans the work. Severity: critical when the story breaks (the dead reappear, an ' +
        'event contradicts an earlier one), major when an attentive reader will stumble, ' +
        'minor for small slips. Give a concrete suggestion for each. Score the window from 0 ' +
        'to 1: 0.9 and above needs no changes, below 0.7 needs serious work.',
      planningLanguage(language),
    ].join('\n\n'),
  user: (input) =>
    `${reviewMaterial(input, 'rules')}\n\n` +
    'Report the continuity issues of this text, its strengths, a short summary and a score.',
}
