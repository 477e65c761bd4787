import type { Brief } from '@shared/contracts/jobs'
import type { Issue } from '../findings'
import type { PlannedSegment } from '../segment-plan-stage'
import { asJson, describeVoice, joinSections, proseLanguage, section } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface RewritePromptInput {
  brief: Brief
  segment: PlannedSegment
  text: string
  issues: Issue[]
  previousEnd: string
  nextStart: string
}

/** Stage 9: a targeted revision of one segment to fix what the reviewers found. */
export const rewritePrompt: PromptTemplate<RewritePromptInput> = {
  id: 'rewrite',
  version: 1,
  system: (language) =>
    [
      'You revise one segment of a novel to fix specific problems found in review. Change ' +
        'what the problems require and as little else as possible: keep the events of the ' +
        'plan, the voice, the point of view, the tense and about the same length, and keep ' +
        'the seams with the neighbouring segments intact.',
      'Return the complete revised segment, only the story text, with no heading or notes.',
      proseLanguage(language),
    ].join('\n\n'),
  user: ({ brief, segment, text, issues, previousEnd, nextStart }) =>
    joinSections(
      section('The work', describeVoice(brief)),
      section(`Plan of segment ${segment.number}`, asJson(segment)),
      section(
        'Problems to fix',
        issues
          .map((i) => `- [${i.severity}, ${i.category}] ${i.description} Fix: ${i.suggestion}`)
          .join('\n'),
      ),
      section('End of the previous segment', previousEnd),
      section('The segment', text),
      section('Start of the next segment', nextStart),
      'Return the revised segment.',
    ),
}
