/** Tokens of answers a provider sent, and billed, before the call failed anyway. */
export interface BilledTokens {
  tokensIn: number
  tokensOut: number
}

// Kept beside the error rather than in it: abort errors are plain `Error`s, and an
// `AppError`'s details are facts for the writer, not bookkeeping.
const billedByError = new WeakMap<object, BilledTokens>()

/**
 * Marks `error` as having cost `tokens` (adding to what it already carries), so whoever
 * keeps the ledger books them even though the call produced nothing usable.
 */
export function carryBilledTokens(error: unknown, tokens: BilledTokens): unknown {
  if (typeof error !== 'object' || error === null) return error
  const carried = billedByError.get(error)
  billedByError.set(error, {
    tokensIn: tokens.tokensIn + (carried?.tokensIn ?? 0),
    tokensOut: tokens.tokensOut + (carried?.tokensOut ?? 0),
  })
  return error
}

/**
 * The billed tokens `error` carries, handed out once: a second look finds none, so an error
 * seen both by a retry and by the final catch is never booked twice.
 */
export function takeBilledTokens(error: unknown): BilledTokens | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const carried = billedByError.get(error)
  billedByError.delete(error)
  return carried
}
