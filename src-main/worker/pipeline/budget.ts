import { costOf, worstCaseCost, type PriceTable } from '@shared/contracts/pricing'
import { AppError } from '../../core/errors/app-error'
import type { ProviderName } from '../providers/types'

/** The details an AppError carries when the budget stops a job; `describeFailure` reads it. */
export const BUDGET_STOP = 'budget'

export interface PlannedCall {
  provider: ProviderName
  model: string
  /** System and user prompt together. */
  promptChars: number
  maxTokens: number
  /**
   * How many billed answers the call may take: 2 for structured calls, which the provider
   * layer asks once more when the first answer does not parse.
   */
  attempts?: number
}

/** About four characters a token; the same rule the providers use when a server sends none. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4)
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
  const tokensIn = estimateTokens(call.promptChars)
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

/** Dollars with cents, or with four decimals for the fractions of a cent single calls cost. */
export function formatUsd(value: number): string {
  return value >= 1 || value === 0 ? `$${value.toFixed(2)}` : `$${value.toFixed(4)}`
}
