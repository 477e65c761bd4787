import type { Brief } from '@shared/contracts/jobs'
import { describeBrief, planningLanguage } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface BriefPromptInput {
  brief: Brief
}

/** Stage 1: a development editor's reading of the brief. */
export const briefPrompt: PromptTemplate<BriefPromptInput> = {
  id: 'brief',
  version: 1,
  system: (language) =>
    [
      "You are a development editor reading a writer's production brief before any of the " +
        'story is written. Restate it as a working interpretation that the world builder, the ' +
        'character designer and the story architect will build on.',
      'Every choice the writer made is binding: list those choices as fixed. Where the brief is ' +
        'silent, propose what best serves the premise and mark it as open. Do not write any ' +
        'scenes or prose.',
      planningLanguage(language),
    ].join('\n\n'),
  user: ({ brief }) =>
    [
      'The brief:',
      describeBrief(brief),
      'Interpret it: a one-sentence logline, the question the story asks, its themes, where ' +
        'its weight lies (character, plot, theme or world), how the tone should feel on the ' +
        'page, what a reader should experience, the key characters, places, conflicts and ' +
        'motifs it implies, the fixed choices and the open ones.',
    ].join('\n\n'),
}
