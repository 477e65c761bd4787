import { AppError } from '../../core/errors/app-error'
import type { FinishReason } from '../providers/types'
import { checkpointKeys } from './checkpoint-keys'
import type { JobRun } from './job-run'
import { proseContinuePrompt } from './prompts/prose-continue.v1'
import { prosePrompt, type ProsePromptInput } from './prompts/prose.v1'
import { cleanProse, countWords, joinContinuation, lastWords } from './text'

/** What writing one segment needs: the prose prompt's input without the brief. */
export type SegmentInput = Omit<ProsePromptInput, 'brief' | 'shortfall'>

export interface WrittenSegment {
  text: string
  words: number
  finish: FinishReason
  warnings: string[]
}

/** Below this share of its target a segment is written again, once. */
export const SHORT_SEGMENT_RATIO = 0.6
const PROSE_TEMPERATURE = 0.9
/** Words of the cut-off draft the continuation sees. */
const CONTINUATION_CONTEXT_WORDS = 400

/** Output tokens for `words` words of prose: about two a word, plus room for the ending. */
export function proseMaxTokens(words: number): number {
  return Math.min(16_000, Math.ceil(words * 2) + 400)
}

/**
 * Writes one segment with length control: an answer cut off at the token limit is continued
 * once, and an answer far shorter than planned is written again once, keeping the longer
 * draft. Whatever is still wrong afterwards becomes a warning, never another attempt.
 */
export async function writeSegment(run: JobRun, input: SegmentInput): Promise<WrittenSegment> {
  const { segment } = input
  const target = segment.target_words
  const warnings: string[] = []
  let continued = false

  let draft = await draftSegment(run, input)
  if (draft.finish === 'length') {
    draft = await continueSegment(run, input, draft)
    continued = true
  }

  if (draft.words < SHORT_SEGMENT_RATIO * target) {
    run.log('info', 'segment too short, writing it again', { segment: segment.number })
    let second = await draftSegment(run, input, { words: draft.words, target })
    if (second.finish === 'length' && !continued) second = await continueSegment(run, input, second)
    if (second.words > draft.words) draft = second
    if (draft.words === 0) {
      // A story with a hole in it is not a finished work; stop rather than assemble it.
      throw new AppError('provider', `The model wrote no text for segment ${segment.number}`)
    }
    if (draft.words < SHORT_SEGMENT_RATIO * target) {
      warnings.push(`Segment ${segment.number} has ${draft.words} of ${target} planned words`)
    }
  }
  if (draft.finish === 'length') {
    warnings.push(`Segment ${segment.number} still ends cut off at the token limit`)
  }
  return { ...draft, warnings }
}

type Draft = Omit<WrittenSegment, 'warnings'>

async function draftSegment(
  run: JobRun,
  input: SegmentInput,
  shortfall?: ProsePromptInput['shortfall'],
): Promise<Draft> {
  const { segment } = input
  const key = checkpointKeys.segment(segment.number)
  const result = await run.call({
    stage: 'prose',
    workKey: shortfall ? `${key}:again` : key,
    system: prosePrompt.system(run.brief.language),
    prompt: prosePrompt.user({ brief: run.brief, ...input, shortfall }),
    maxTokens: proseMaxTokens(segment.target_words),
    temperature: PROSE_TEMPERATURE,
    stream: { segment: segment.number },
  })
  const text = cleanProse(result.text)
  return { text, words: countWords(text), finish: result.finishReason }
}

async function continueSegment(run: JobRun, input: SegmentInput, draft: Draft): Promise<Draft> {
  const { segment } = input
  const remainingWords = Math.max(300, segment.target_words - draft.words)
  run.log('info', 'segment cut off, continuing it', { segment: segment.number })

  const result = await run.call({
    stage: 'prose',
    workKey: `${checkpointKeys.segment(segment.number)}:continue`,
    system: proseContinuePrompt.system(run.brief.language),
    prompt: proseContinuePrompt.user({
      brief: run.brief,
      segment,
      count: input.count,
      writtenEnd: lastWords(draft.text, CONTINUATION_CONTEXT_WORDS),
      remainingWords,
    }),
    maxTokens: proseMaxTokens(remainingWords),
    temperature: PROSE_TEMPERATURE,
    stream: { segment: segment.number, append: true },
  })
  const text = joinContinuation(draft.text, result.text.trim())
  return { text, words: countWords(text), finish: result.finishReason }
}
