import type { Brief } from '@shared/contracts/jobs'
import { describeVoice, joinSections, proseLanguage, section } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface StylizationPromptInput {
  brief: Brief
  title: string
  text: string
}

/** Stage 7: a line edit that changes the language and nothing else. */
export const stylizationPrompt: PromptTemplate<StylizationPromptInput> = {
  id: 'stylization',
  version: 1,
  system: (language) =>
    [
      'You are a line editor polishing a finished passage of a novel. Correct grammar, ' +
        'spelling and punctuation; smooth clumsy or ambiguous sentences; replace words ' +
        'repeated too closely and phrases that are stock or foreign to the language.',
      'Change nothing else: keep every event, every line of dialogue in substance, the names, ' +
        'the paragraph breaks, the point of view, the tense and the length. Add no images, ' +
        'adjectives or commentary. Where a sentence is already good, leave it exactly as it ' +
        'is. Return the whole passage, edited, and nothing but the passage.',
      proseLanguage(language),
    ].join('\n\n'),
  user: ({ brief, title, text }) =>
    joinSections(
      section('The work', describeVoice(brief)),
      section(`Passage from "${title}"`, text),
      'Return the polished passage.',
    ),
}
