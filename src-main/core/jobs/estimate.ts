import type { Stage } from '@shared/contracts/catalog'
import type { Brief, ModelChoice } from '@shared/contracts/jobs'
import { costOf, DEFAULT_PRICE_TABLE, type PriceTable } from '@shared/contracts/pricing'

/** Tokens per word of prose: Polish words split into more tokens than English ones. */
const TOKENS_PER_WORD = { pl: 2, en: 1.35 } as const
/** Words a segment is planned to hold, on average. */
const WORDS_PER_SEGMENT = 1_500
/** Prompt tokens of context that ride along with each segment (plan, story state, style). */
const SEGMENT_CONTEXT_TOKENS = 2_500
/** Planning stages: prompt and answer sizes seen in practice, per call. */
const PLANNING_CALL = { in: 2_500, out: 2_000 }
/** Review stages read a sample of at most this many words. */
const REVIEW_SAMPLE_WORDS = 12_000

/**
 * Estimates what a brief will cost with these models and prices, stage by stage, from the
 * token volumes the pipeline moves (not a flat rate per thousand words). It is the figure
 * reserved against the monthly cost limit and settled to the actual cost at the end.
 */
export function estimateJobCost(
  brief: Pick<Brief, 'target_words' | 'language'>,
  models: Record<Stage, ModelChoice>,
  prices: PriceTable = DEFAULT_PRICE_TABLE,
): number {
  const proseTokens = Math.ceil(brief.target_words * TOKENS_PER_WORD[brief.language])
  const segments = Math.max(1, Math.round(brief.target_words / WORDS_PER_SEGMENT))
  const reviewTokens = Math.ceil(
    Math.min(brief.target_words, REVIEW_SAMPLE_WORDS) * TOKENS_PER_WORD[brief.language],
  )
  const cost = (stage: Stage, tokensIn: number, tokensOut: number) => {
    const { provider, model } = models[stage]
    return costOf(prices, model, tokensIn, tokensOut, provider)
  }

  const planning = (['brief', 'world', 'characters', 'structure'] as const).reduce(
    (sum, stage) => sum + cost(stage, PLANNING_CALL.in, PLANNING_CALL.out),
    0,
  )
  const plan = cost('segment_plan', PLANNING_CALL.in, 400 * segments)
  const prose = cost('prose', segments * SEGMENT_CONTEXT_TOKENS, proseTokens)
  // After each segment a small call updates the rolling story state.
  const storyState = cost('segment_plan', segments * 1_500, segments * 400)
  const stylization = cost('stylization', proseTokens + segments * 500, proseTokens)
  const review = cost('coherence', reviewTokens, 2_000) + cost('editorial', reviewTokens, 2_000)
  // One bounded rewrite of flagged segments is budgeted at a fifth of the prose.
  const rewrite = cost('prose', segments * SEGMENT_CONTEXT_TOKENS * 0.2, proseTokens * 0.2)

  return round6(planning + plan + prose + storyState + stylization + review + rewrite)
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
