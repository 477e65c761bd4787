import type { ReviewPromptInput } from '../review-windows'
import { markedText } from '../review-windows'
import { asJson, describeBrief, joinSections, section } from './prompt-parts'

/** The context both reviewers get: the brief, the world, the cast, the plan and the text. */
export function reviewMaterial(input: ReviewPromptInput, worldDetail: 'rules' | 'summary'): string {
  const { brief, world, cast, plan, window, windowCount } = input
  const first = window.segments[0]
  const last = window.segments.at(-1)
  const partial = windowCount > 1 && first && last
  return joinSections(
    section('Brief', describeBrief(brief)),
    section(
      'World',
      worldDetail === 'rules'
        ? asJson({ name: world.name, rules: world.rules, core_conflict: world.core_conflict })
        : `${world.name}: ${world.summary}`,
    ),
    section(
      'Characters',
      cast.characters
        .map((c) => `- ${c.name} (${c.role}): ${c.position}; wants ${c.want}; voice: ${c.voice}`)
        .join('\n'),
    ),
    section(
      'Plan of the whole work',
      plan.segments.map((s) => `${s.number}. ${s.title}: ${s.summary}`).join('\n'),
    ),
    partial
      ? section(
          `You are shown segments ${first.number}–${last.number} of ${plan.segments.length}`,
          first.summaryBefore ? `What happened before them: ${first.summaryBefore}` : '',
        )
      : '',
    section('Text', markedText(window)),
  )
}
