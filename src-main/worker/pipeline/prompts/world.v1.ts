import type { Brief } from '@shared/contracts/jobs'
import type { BriefAnalysis } from '../brief-stage'
import { asJson, describeBrief, joinSections, planningLanguage, section } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface WorldPromptInput {
  brief: Brief
  analysis: BriefAnalysis
}

/** Stage 2: the world as a system of rules with consequences. */
export const worldPrompt: PromptTemplate<WorldPromptInput> = {
  id: 'world',
  version: 1,
  system: (language) =>
    [
      'You design the world a story takes place in. Think of it as a machine of rules: every ' +
        'rule (physical, social, magical, technological or economic) must cost someone ' +
        'something, so that the world itself pushes the conflict forward.',
      'Build only what this story will use: the places it visits, the order that rules daily ' +
        'life, the forces behind the central conflict, and the concrete sights, sounds and ' +
        'smells a reader will meet. A realistic setting still has rules; name them.',
      "Stay inside the writer's genre, setting and tone. " + planningLanguage(language),
    ].join('\n\n'),
  user: ({ brief, analysis }) =>
    joinSections(
      section('Brief', describeBrief(brief)),
      section('Interpretation', asJson(analysis)),
      'Design the world: its name, a short summary, the time and place, its rules with what ' +
        'each costs, the locations the story needs, the social order, the core conflict, the ' +
        'theme the world embodies, the atmosphere, and a palette of sensory details.',
    ),
}
