import type { Brief } from '@shared/contracts/jobs'
import type { BriefAnalysis } from '../brief-stage'
import type { World } from '../world-stage'
import { asJson, describeBrief, joinSections, planningLanguage, section } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface CharactersPromptInput {
  brief: Brief
  analysis: BriefAnalysis
  world: World
  maxSupporting: number
}

/** Stage 3: characters as people under pressure, each able to change or refuse to. */
export const charactersPrompt: PromptTemplate<CharactersPromptInput> = {
  id: 'characters',
  version: 1,
  system: (language) =>
    [
      'You design the cast of a story. A character is a person under pressure: give each one ' +
        'a want they pursue, a need they do not see, a wound that explains both, a ' +
        'contradiction that makes them surprising, and a way of speaking nobody else shares.',
      "Each arc must be possible inside this world's rules and must collide with at least one " +
        "other character's arc. Names fit the setting and the language of the story.",
      planningLanguage(language),
    ].join('\n\n'),
  user: ({ brief, analysis, world, maxSupporting }) =>
    joinSections(
      section('Brief', describeBrief(brief)),
      section('Interpretation', asJson(analysis)),
      section('World', asJson(world)),
      `Create exactly ${brief.main_characters} main characters (role protagonist, antagonist, ` +
        `deuteragonist or catalyst) and at most ${maxSupporting} supporting characters ` +
        '(role supporting) where the story needs them. For each: name, role, position in ' +
        'society, appearance, want, need, wound, contradiction, voice, arc, state at the ' +
        'start of the story, and relationships. Then describe the dynamics of the cast.',
    ),
}
