import type { Brief } from '@shared/contracts/jobs'
import type { Cast } from '../characters-stage'
import type { PlannedSegment } from '../segment-plan-stage'
import type { Structure } from '../structure-stage'
import type { World } from '../world-stage'
import { asJson, describeBrief, joinSections, planningLanguage, section } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface SegmentPlanPromptInput {
  brief: Brief
  world: World
  cast: Cast
  structure: Structure
  /** The segment numbers this call plans. */
  numbers: number[]
  /** Segments in the whole work. */
  count: number
  /** The even share of the target length for each segment of this batch. */
  batchTargets: number[]
  /** Segments planned by earlier batches. */
  earlier: PlannedSegment[]
}

/** How many earlier segments a later batch sees in full, so long plans stay affordable. */
const EARLIER_SHOWN = 6

/** Stage 5: the structure cut into segments, each written later in one sitting. */
export const segmentPlanPrompt: PromptTemplate<SegmentPlanPromptInput> = {
  id: 'segment_plan',
  version: 1,
  system: (language) =>
    [
      "You turn a story's structure into a sequence of segments. Each segment will be " +
        'written in one sitting by a novelist who sees only this plan, a running summary of ' +
        'the story so far and the last paragraphs of the previous segment.',
      'So every segment needs a concrete situation, events that change something, the ' +
        'characters present, one main location, a purpose in the structure, and an ending that ' +
        'hands over to the next segment. No two segments may do the same job. The last ' +
        'segment of the work resolves the central question.',
      'Propose a length for each segment that follows the pacing (quiet scenes shorter, ' +
        'turning points longer); the lengths are rescaled afterwards to the target.',
      planningLanguage(language),
    ].join('\n\n'),
  user: (input) => {
    const { brief, world, cast, structure, numbers, count, batchTargets, earlier } = input
    const first = numbers[0] ?? 1
    const last = numbers.at(-1) ?? first
    const batchWords = batchTargets.reduce((a, b) => a + b, 0)
    const shown = earlier.slice(-EARLIER_SHOWN)
    const skipped = earlier.length - shown.length
    return joinSections(
      section('Brief', describeBrief(brief)),
      section(
        'World',
        asJson({ name: world.name, locations: world.locations, rules: world.rules }),
      ),
      section(
        'Characters',
        cast.characters.map((c) => `- ${c.name} (${c.role}): ${c.arc}`).join('\n'),
      ),
      section('Structure', asJson(structure)),
      section(
        'Segments already planned',
        (skipped > 0 ? `(${skipped} earlier segments not shown)\n` : '') +
          shown.map((s) => `${s.number}. ${s.title}: ${s.summary} Ends: ${s.ending}`).join('\n'),
      ),
      `The work has ${count} segments in all. Plan segments ${first} to ${last} ` +
        `(${numbers.length} segments, exactly that many, numbered ${first}–${last}). ` +
        `Together they run about ${batchWords} words, around ${batchTargets[0] ?? 0} words ` +
        'each.' +
        (last === count ? ' This batch includes the final segment of the work.' : ''),
    )
  },
}
