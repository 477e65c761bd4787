import type { z } from 'zod'
import type { Brief } from '@shared/contracts/jobs'
import type { Cast } from './characters-stage'
import { checkpointKeys } from './checkpoint-keys'
import { mergeFindings, type Findings } from './findings'
import type { JobRun } from './job-run'
import type { PromptTemplate } from './prompts/prompt-template'
import type { DraftSegment } from './prose-stage'
import type { SegmentPlan } from './segment-plan-stage'
import type { World } from './world-stage'

/** A run of consecutive segments one review call reads. */
export interface ReviewWindow<S extends { words: number } = DraftSegment> {
  /** 1-based. */
  index: number
  segments: S[]
  words: number
}

/** What a review prompt is given; coherence and editorial share it. */
export interface ReviewPromptInput {
  brief: Brief
  world: World
  cast: Cast
  plan: SegmentPlan
  window: ReviewWindow
  windowCount: number
}

export interface ReviewOptions<F extends Findings> {
  stage: 'coherence' | 'editorial'
  template: PromptTemplate<ReviewPromptInput>
  name: string
  schema: z.ZodType<F>
  context: Omit<ReviewPromptInput, 'window' | 'windowCount' | 'brief'>
  temperature: number
}

/**
 * Words one review call reads. A short story or novella is read whole; a novel is read in
 * windows, each with the running summary of what came before, so every word is reviewed
 * within the model's context instead of a sample of the beginning, middle and end.
 */
export const REVIEW_WINDOW_WORDS = 12_000
const REVIEW_MAX_TOKENS = 4_000

/** Reviews the drafts window by window (each window checkpointed) and merges the findings. */
export async function reviewInWindows<F extends Findings>(
  run: JobRun,
  drafts: DraftSegment[],
  options: ReviewOptions<F>,
): Promise<Findings> {
  const windows = planReviewWindows(drafts)
  const parts: { findings: F; words: number; segments: number[] }[] = []

  for (const window of windows) {
    const key = checkpointKeys.review(options.stage, window.index)
    let findings = run.reuse(key, options.schema)
    if (findings === undefined) {
      const input = { ...options.context, brief: run.brief, window, windowCount: windows.length }
      findings = await run.ask({
        stage: options.stage,
        workKey: key,
        system: options.template.system(run.brief.language),
        prompt: options.template.user(input),
        maxTokens: REVIEW_MAX_TOKENS,
        temperature: options.temperature,
        structured: { name: options.name, schema: options.schema },
      })
      run.save(key, findings)
    }
    parts.push({ findings, words: window.words, segments: window.segments.map((s) => s.number) })
    run.progress(options.stage, window.index / windows.length)
  }
  return mergeFindings(parts)
}

/**
 * Groups consecutive segments into windows of at most `maxWords` (one segment at least).
 * The job estimate groups planned segment lengths the same way.
 */
export function planReviewWindows<S extends { words: number }>(
  drafts: S[],
  maxWords = REVIEW_WINDOW_WORDS,
): ReviewWindow<S>[] {
  const windows: ReviewWindow<S>[] = []
  let current: S[] = []
  let words = 0
  const close = () => {
    if (current.length > 0) windows.push({ index: windows.length + 1, segments: current, words })
    current = []
    words = 0
  }

  for (const draft of drafts) {
    if (words + draft.words > maxWords) close()
    current.push(draft)
    words += draft.words
  }
  close()
  return windows
}

/** The window's text with a marker line before each segment, so findings can name it. */
export function markedText(window: ReviewWindow): string {
  return window.segments.map((s) => `[Segment ${s.number}: ${s.title}]\n\n${s.text}`).join('\n\n')
}
