import type { Brief } from '@shared/contracts/jobs'
import type { BriefAnalysis } from '../brief-stage'
import type { Cast } from '../characters-stage'
import type { World } from '../world-stage'
import { asJson, describeBrief, joinSections, planningLanguage, section } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface StructurePromptInput {
  brief: Brief
  analysis: BriefAnalysis
  world: World
  cast: Cast
}

/** Stage 4: the story's architecture, sized to the target length. */
export const structurePrompt: PromptTemplate<StructurePromptInput> = {
  id: 'structure',
  version: 1,
  system: (language) =>
    [
      'You are a story architect. Choose the shape that fits this story best: three acts, ' +
        "five acts, the hero's journey, kishōtenketsu, in medias res or a non-linear " +
        'arrangement. Say why it fits.',
      'Lay out the acts with the share of the length each takes (the shares add up to 1) and ' +
        'the beats inside them, then the key turning points with their position in the story. ' +
        'Every beat must follow from the characters and the world, not from coincidence. ' +
        'Scale the number of turns to the target length: a short story has room for few, a ' +
        'novel for many.',
      planningLanguage(language),
    ].join('\n\n'),
  user: ({ brief, analysis, world, cast }) =>
    joinSections(
      section('Brief', describeBrief(brief)),
      section('Interpretation', asJson(analysis)),
      section(
        'World',
        asJson({
          name: world.name,
          core_conflict: world.core_conflict,
          rules: world.rules,
          theme: world.theme,
        }),
      ),
      section(
        'Characters',
        cast.characters
          .map((c) => `- ${c.name} (${c.role}): wants ${c.want}; arc: ${c.arc}`)
          .join('\n'),
      ),
      `Design the structure of this ${brief.target_words}-word story: its type and the ` +
        'reasoning, the acts, the key beats, the climax and the resolution.',
    ),
}
