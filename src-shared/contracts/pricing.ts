import { z } from 'zod'

/** USD per million tokens, input and output priced apart as every provider bills them. */
export const ModelPriceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
})
export type ModelPrice = z.infer<typeof ModelPriceSchema>

/** Prices by model id; settings may replace the default table when providers change theirs. */
export const PriceTableSchema = z.record(z.string().min(1), ModelPriceSchema)
export type PriceTable = z.infer<typeof PriceTableSchema>

/** Which company's models a price belongs to; `local` models run on the user's machine. */
export type PriceFamily = 'openai' | 'anthropic' | 'local'

/** List prices as published by OpenAI and Anthropic, USD per million tokens (late 2025). */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'claude-haiku-4-5': { input: 1, output: 5 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-opus-4-5': { input: 5, output: 25 },
  'claude-opus-4-1': { input: 15, output: 75 },
}

const FREE: ModelPrice = { input: 0, output: 0 }

/**
 * Tells the family from the model id. Ids from neither OpenAI nor Anthropic are taken as
 * local (Ollama, LM Studio and llama.cpp name models freely), unless `provider` says otherwise.
 */
export function familyOf(model: string, provider?: PriceFamily): PriceFamily {
  if (provider) return provider
  if (/^claude-/i.test(model)) return 'anthropic'
  if (/^(ft:)?(gpt-|chatgpt-|o\d|text-|davinci|babbage)/i.test(model)) return 'openai'
  return 'local'
}

/**
 * The price of `model`. Local models are free. A model missing from the table is priced as
 * the most expensive model of its family, so that a new model can only make budget checks
 * stricter, never let a job overspend; add it to the table to charge its real price. Callers
 * that charge money say so in the log when that happens (see `isUnpriced`).
 */
export function priceOf(table: PriceTable, model: string, provider?: PriceFamily): ModelPrice {
  const family = familyOf(model, provider)
  if (family === 'local') return FREE
  return table[model] ?? dearestOf(table, family)
}

/** True when `model` is billed yet missing from the table, so `priceOf` charges a stand-in. */
export function isUnpriced(table: PriceTable, model: string, provider?: PriceFamily): boolean {
  return familyOf(model, provider) !== 'local' && table[model] === undefined
}

/**
 * What a call cost in USD, rounded to 1e-10 so sums of many calls stay free of float noise.
 *
 * @example costOf(DEFAULT_PRICE_TABLE, 'gpt-4o-mini', 1_000, 500) // 0.00045
 */
export function costOf(
  table: PriceTable,
  model: string,
  tokensIn: number,
  tokensOut: number,
  provider?: PriceFamily,
): number {
  const price = priceOf(table, model, provider)
  return roundUsd((tokensIn * price.input + tokensOut * price.output) / 1_000_000)
}

/**
 * The most a call can cost before it is made: its whole prompt plus every output token it is
 * allowed. Budget checks compare this against what is left before calling.
 */
export function worstCaseCost(
  table: PriceTable,
  model: string,
  tokensIn: number,
  maxTokensOut: number,
  provider?: PriceFamily,
): number {
  return costOf(table, model, tokensIn, maxTokensOut, provider)
}

function roundUsd(value: number): number {
  return Math.round(value * 1e10) / 1e10
}

function dearestOf(table: PriceTable, family: PriceFamily): ModelPrice {
  const sameFamily = Object.entries(table).filter(([id]) => familyOf(id) === family)
  const candidates = sameFamily.length > 0 ? sameFamily : Object.entries(table)
  return candidates.reduce<ModelPrice>(
    (worst, [, price]) => (price.input + price.output > worst.input + worst.output ? price : worst),
    FREE,
  )
}
