import {
  costOf,
  familyOf,
  isUnpriced,
  priceOf,
  worstCaseCost,
  type PriceTable,
} from '@shared/contracts/pricing'
import { AppError } from '../../core/errors/app-error'
import { toJsonSchema, toStrictJsonSchema } from '../providers/json-schema'
import type { ProviderName, StructuredOutput } from '../providers/types'

/** The details an AppError carries when the budget stops a job; `describeFailure` reads it. */
export const BUDGET_STOP = 'budget'

export interface PlannedCall {
  provider: ProviderName
  model: string
  /** Everything the call sends: system and user prompt, and a structured call's schema. */
  promptChars: number
  maxTokens: number
  /**
   * How many billed answers the call may take: 2 for structured calls, which the provider
   * layer asks once more when the first answer does not parse.
   */
  attempts?: number
}

/**
 * Characters a prompt token may hold at fewest, for worst cases. English runs about four,
 * Polish about three and a half (the job estimate's two tokens a word); three leaves room
 * for names, numbers and JSON, which split finer still.
 */
const WORST_CASE_CHARS_PER_TOKEN = 3

/** About four characters a token; the same rule the providers use when a server sends none. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4)
}

/**
 * What a call sends besides its messages counts too: a structured call's JSON schema goes
 * out as OpenAI's `response_format` or as Anthropic's tool `input_schema`, so the larger of
 * the two serialized schemas is added to the prompts.
 */
export function sentChars(call: {
  system: string
  prompt: string
  structured?: StructuredOutput<unknown>
}): number {
  const schema = call.structured?.schema
  const schemaChars = schema
    ? Math.max(
        JSON.stringify(toJsonSchema(schema)).length,
        JSON.stringify(toStrictJsonSchema(schema)).length,
      )
    : 0
  return call.system.length + call.prompt.length + schemaChars
}

/**
 * Refuses a call whose worst case (the whole prompt plus every output token it may write)
 * would take the job past its budget. Checked before every call, so a long prose stage can
 * never overspend between two stage boundaries.
 */
export function assertWithinBudget(
  call: PlannedCall,
  prices: PriceTable,
  spentUsd: number,
  budgetUsd: number,
): void {
  const tokensIn = Math.ceil(call.promptChars / WORST_CASE_CHARS_PER_TOKEN)
  const worst =
    worstCaseCost(prices, call.model, tokensIn, call.maxTokens, call.provider) *
    (call.attempts ?? 1)
  if (spentUsd + worst <= budgetUsd) return

  throw new AppError(
    'quota_exceeded',
    `The job budget of ${formatUsd(budgetUsd)} would be exceeded by the next call ` +
      `(worst case ${formatUsd(worst)}); raise the budget and resume`,
    { details: { reason: BUDGET_STOP, budgetUsd, spentUsd, worstCaseUsd: worst } },
  )
}

/** What a finished call cost, priced by the model that actually answered. */
export function priceCall(
  prices: PriceTable,
  provider: ProviderName,
  model: string,
  tokensIn: number,
  tokensOut: number,
): number {
  return costOf(prices, model, tokensIn, tokensOut, provider)
}

/** Models this process has already reported as missing from the price table. */
const reportedUnpriced = new Set<string>()

/**
 * The warning to log when `target` is about to be charged a stand-in price because the
 * table does not list it; given once per model in this process, so logs say it without
 * repeating it for every call.
 */
export function unpricedModelWarning(
  prices: PriceTable,
  target: { provider: ProviderName; model: string },
): string | undefined {
  const { provider, model } = target
  const key = `${provider}:${model}`
  if (!isUnpriced(prices, model, provider) || reportedUnpriced.has(key)) return undefined
  reportedUnpriced.add(key)

  const price = priceOf(prices, model, provider)
  return (
    `${model} is not in the price table, so it is charged as the dearest ` +
    `${familyOf(model, provider)} model ($${price.input} in, $${price.output} out per million ` +
    'tokens); add its price in Settings to charge what it really costs'
  )
}

/** Dollars with cents, or with four decimals for the fractions of a cent single calls cost. */
export function formatUsd(value: number): string {
  return value >= 1 || value === 0 ? `$${value.toFixed(2)}` : `$${value.toFixed(4)}`
}
