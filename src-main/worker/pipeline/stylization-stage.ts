import { z } from 'zod'
import { checkpointKeys } from './checkpoint-keys'
import type { JobRun } from './job-run'
import type { DraftSegment } from './prose-stage'
import { stylizationPrompt } from './prompts/stylization.v1'
import { cleanProse, countWords, splitByParagraphs } from './text'
import { proseMaxTokens } from './write-segment'

/** `styled:<nnn>`: a segment after language polishing. */
export const StyledCheckpointSchema = z.object({
  text: z.string(),
  words: z.number().int(),
  warnings: z.array(z.string()).default([]),
})
export type StyledCheckpoint = z.infer<typeof StyledCheckpointSchema>

/** Pieces one polishing call takes; segments are planned shorter, so most are one piece. */
const PIECE_WORDS = 2_500
/** A polished piece shorter than this share of its input lost text; the original is kept. */
const MIN_KEPT_RATIO = 0.85
const STYLIZATION_TEMPERATURE = 0.3

/**
 * Stage 7: polishes the language of every segment (grammar, spelling, punctuation, awkward
 * or repeated phrasing) without changing what happens. It runs before coherence validation,
 * so the reviewers judge the text the reader will get. Each segment is checkpointed, so a
 * resumed job never pays to polish a segment twice.
 */
export async function stylizeSegments(
  run: JobRun,
  drafts: DraftSegment[],
): Promise<DraftSegment[]> {
  const styled: DraftSegment[] = []

  for (const [index, draft] of drafts.entries()) {
    const key = checkpointKeys.styled(draft.number)
    let done = run.reuse(key, StyledCheckpointSchema)
    if (!done) {
      done = await stylizeSegment(run, draft)
      run.save(key, done)
    }

    done.warnings.forEach((w) => run.warn(w))
    styled.push({ ...draft, text: done.text, words: done.words })
    run.progress('stylization', (index + 1) / drafts.length, `Segment ${draft.number} polished`)
  }

  run.save(checkpointKeys.stage('stylization'), {
    segments: styled.map(({ number, words }) => ({ number, words })),
  })
  return styled
}

async function stylizeSegment(run: JobRun, draft: DraftSegment): Promise<StyledCheckpoint> {
  const warnings: string[] = []
  const pieces = splitByParagraphs(draft.text, PIECE_WORDS)
  const polished: string[] = []

  for (const [index, piece] of pieces.entries()) {
    const inputWords = countWords(piece)
    const result = await run.call({
      stage: 'stylization',
      workKey: `${checkpointKeys.styled(draft.number)}:${index + 1}`,
      system: stylizationPrompt.system(run.brief.language),
      prompt: stylizationPrompt.user({ brief: run.brief, title: draft.title, text: piece }),
      maxTokens: proseMaxTokens(Math.ceil(inputWords * 1.1)),
      temperature: STYLIZATION_TEMPERATURE,
      stream: { segment: draft.number, append: index > 0 },
    })

    const text = cleanProse(result.text)
    const lost = countWords(text) < MIN_KEPT_RATIO * inputWords
    if (result.finishReason === 'length' || lost) {
      // A cut or shortened polish would lose story; the unpolished words are the safer text.
      warnings.push(`Segment ${draft.number}: polishing lost text, the draft was kept`)
      polished.push(piece)
    } else polished.push(text)
  }

  const text = polished.join('\n\n')
  return { text, words: countWords(text), warnings }
}
