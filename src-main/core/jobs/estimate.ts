import type { Stage } from '@shared/contracts/catalog'
import type { Brief, ModelChoice } from '@shared/contracts/jobs'
import { costOf, DEFAULT_PRICE_TABLE, type PriceTable } from '@shared/contracts/pricing'
import { rewriteLimit } from '../../worker/pipeline/findings'
import { SEAM_WORDS } from '../../worker/pipeline/prose-stage'
import { planReviewWindows } from '../../worker/pipeline/review-windows'
import { REWRITE_SEAM_WORDS } from '../../worker/pipeline/rewrite-segments'
import { distributeWords, planBatches, planSegmentCount } from '../../worker/pipeline/segment-count'
import { STATE_MODEL_STAGE } from '../../worker/pipeline/story-state'

/** Tokens one call is expected to move, booked to `stage` as the ledger books it. */
export interface EstimatedVolume {
  stage: Stage
  /** Whose model answers (rolling state and rewrites borrow another stage's). */
  modelStage: Stage
  tokensIn: number
  tokensOut: number
}

type EstimateBrief = Pick<Brief, 'form' | 'target_words' | 'language'>

/** Tokens per word of prose: Polish words split into more tokens than English ones. */
const TOKENS_PER_WORD = { pl: 2, en: 1.35 } as const
/** Brief interpretation, world, characters, structure: prompt and answer seen in practice. */
const PLANNING_CALL = { in: 2_500, out: 2_000 }
/**
 * Prompt tokens every call carries besides the text it works on: instructions, the brief,
 * world and cast as that prompt shows them, and a structured call's schema.
 */
const CALL_CONTEXT_TOKENS = 1_500
/** One planned segment: as a line of a plan in a prompt, and as a segment plan writes it. */
const PLAN_LINE_TOKENS = 100
const PLANNED_SEGMENT_TOKENS = 300
/** Earlier segments a later planning batch is shown (see the segment plan prompt). */
const EARLIER_SEGMENTS_SHOWN = 6
/** The rolling story state (summary, characters, open threads) as sent and as written. */
const STORY_STATE_TOKENS = 800
/** One review window's findings. */
const REVIEW_ANSWER_TOKENS = 2_000
/** Findings a rewrite is asked to fix, besides the segment and its neighbours' edges. */
const REWRITE_ISSUE_TOKENS = 300

/**
 * Estimates what a brief will cost with these models and prices from the token volumes the
 * pipeline moves (not a flat rate per thousand words). It is the figure reserved against
 * the monthly cost limit and settled to the actual cost at the end.
 */
export function estimateJobCost(
  brief: EstimateBrief,
  models: Record<Stage, ModelChoice>,
  prices: PriceTable = DEFAULT_PRICE_TABLE,
): number {
  const total = estimateJobVolumes(brief).reduce((sum, volume) => {
    const { provider, model } = models[volume.modelStage]
    return sum + costOf(prices, model, volume.tokensIn, volume.tokensOut, provider)
  }, 0)
  return Math.round(total * 1e6) / 1e6
}

/**
 * The calls a brief will cause, stage by stage. The segment count, planning batches, review
 * windows and rewrite limit come from the pipeline's own rules, so the estimate follows what
 * is sent: a novel's every word is read twice in review, as it will be.
 */
export function estimateJobVolumes(brief: EstimateBrief): EstimatedVolume[] {
  const tokens = (words: number) => Math.ceil(words * TOKENS_PER_WORD[brief.language])
  const count = planSegmentCount(brief.form, brief.target_words)
  const segmentWords = distributeWords(brief.target_words, Array<number>(count).fill(1))
  const averageWords = brief.target_words / count
  const volumes: EstimatedVolume[] = []
  const add = (stage: Stage, tokensIn: number, tokensOut: number, modelStage = stage) =>
    volumes.push({ stage, modelStage, tokensIn, tokensOut })

  for (const stage of ['brief', 'world', 'characters', 'structure'] as const) {
    add(stage, PLANNING_CALL.in, PLANNING_CALL.out)
  }
  for (const batch of planBatches(count)) {
    const earlier = Math.min(batch[0]! - 1, EARLIER_SEGMENTS_SHOWN)
    const tokensIn = PLANNING_CALL.in + earlier * PLAN_LINE_TOKENS
    add('segment_plan', tokensIn, batch.length * PLANNED_SEGMENT_TOKENS)
  }

  // Each segment is written from the context, its plan and the next one's, the story state
  // and the end of the previous segment; after all but the last, the state is updated from
  // the segment's whole text. Polishing then reads and writes every segment once more.
  const proseContext = CALL_CONTEXT_TOKENS + 2 * PLAN_LINE_TOKENS + STORY_STATE_TOKENS
  segmentWords.forEach((words, index) => {
    add('prose', proseContext + tokens(SEAM_WORDS), tokens(words))
    if (index < count - 1) {
      const stateIn = STORY_STATE_TOKENS + tokens(words)
      add('prose', stateIn, STORY_STATE_TOKENS, STATE_MODEL_STAGE)
    }
    add('stylization', CALL_CONTEXT_TOKENS + tokens(words), tokens(words))
  })

  // Coherence and editorial review each read the whole text, window by window, each window
  // with the plan of the whole work and the summary of what came before it.
  const reviewContext = CALL_CONTEXT_TOKENS + count * PLAN_LINE_TOKENS + STORY_STATE_TOKENS
  for (const window of planReviewWindows(segmentWords.map((words) => ({ words })))) {
    add('coherence', reviewContext + tokens(window.words), REVIEW_ANSWER_TOKENS)
    add('editorial', reviewContext + tokens(window.words), REVIEW_ANSWER_TOKENS)
  }

  // The one bounded rewrite pass, booked to the editorial review, assumed to take all the
  // segments it may.
  const rewriteIn =
    CALL_CONTEXT_TOKENS + REWRITE_ISSUE_TOKENS + tokens(2 * REWRITE_SEAM_WORDS + averageWords)
  for (let i = 0; i < rewriteLimit(count); i++) {
    add('editorial', rewriteIn, tokens(averageWords), 'prose')
  }
  return volumes
}
