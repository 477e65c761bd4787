import { NarrativeResultSchema, type NarrativeResult } from '@shared/contracts/worker-protocol'
import type { Cast } from './characters-stage'
import { checkpointKeys } from './checkpoint-keys'
import type { Findings } from './findings'
import type { JobRun } from './job-run'
import type { DraftSegment } from './prose-stage'
import type { RewriteOutcome } from './rewrite-segments'
import type { Structure } from './structure-stage'
import type { World } from './world-stage'

export interface OutputInput {
  world: World
  cast: Cast
  structure: Structure
  segments: DraftSegment[]
  coherence: Findings
  editorial: Findings
  rewrites: RewriteOutcome[]
}

/** Editorial score at which, with no critical issue left, a work counts as ready. */
const READY_SCORE = 0.85

/**
 * Stage 10: assembles the finished work. Segments are joined with blank lines; novellas and
 * longer forms get a `## <title>` heading per segment, a short story reads as one piece. The
 * quality score is the mean of the coherence and editorial scores.
 */
export function assembleNarrative(run: JobRun, input: OutputInput): NarrativeResult {
  const key = checkpointKeys.stage('output')
  const reused = run.reuse(key, NarrativeResultSchema)
  if (reused) return reused

  const { brief } = run
  const { segments, coherence, editorial } = input
  const headed = brief.form !== 'short_story'
  const text = segments.map((s) => (headed ? `## ${s.title}\n\n${s.text}` : s.text)).join('\n\n')
  const wordCount = segments.reduce((sum, s) => sum + s.words, 0)
  const critical = [...coherence.issues, ...editorial.issues].some((i) => i.severity === 'critical')

  const narrative: NarrativeResult = {
    title: brief.title,
    text,
    wordCount,
    world: input.world,
    characters: input.cast,
    structure: input.structure,
    segments: segments.map(({ number, title, words }) => ({ number, title, words })),
    quality: {
      coherence,
      editorial: {
        ...editorial,
        ready_for_publication: editorial.score >= READY_SCORE && !critical,
      },
      rewrites: input.rewrites,
      warnings: [...new Set(run.warnings)],
      target_words: brief.target_words,
      length_ratio: Math.round((wordCount / brief.target_words) * 100) / 100,
    },
    qualityScore: Math.round(((coherence.score + editorial.score) / 2) * 100) / 100,
  }
  run.save(key, narrative)
  return narrative
}
