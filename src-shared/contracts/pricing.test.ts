import { describe, expect, it } from 'vitest'
import {
  costOf,
  DEFAULT_PRICE_TABLE,
  isUnpriced,
  PriceTableSchema,
  priceOf,
  worstCaseCost,
} from './pricing'

describe('pricing', () => {
  it('prices calls per million input and output tokens', () => {
    expect(costOf(DEFAULT_PRICE_TABLE, 'gpt-4o-mini', 1_000, 500)).toBe(0.00045)
    expect(costOf(DEFAULT_PRICE_TABLE, 'gpt-4o', 1_000, 500)).toBe(0.0075)
    expect(costOf(DEFAULT_PRICE_TABLE, 'claude-sonnet-4-5', 1_000_000, 1_000_000)).toBe(18)
  })

  it('lists the current Anthropic models at their published prices', () => {
    expect(DEFAULT_PRICE_TABLE).toMatchObject({
      'claude-haiku-4-5': { input: 1, output: 5 },
      'claude-sonnet-4-5': { input: 3, output: 15 },
      'claude-opus-4-5': { input: 5, output: 25 },
      'claude-opus-4-1': { input: 15, output: 75 },
    })
  })

  it('tells which billed models are missing from the table', () => {
    expect(isUnpriced(DEFAULT_PRICE_TABLE, 'claude-opus-4-5')).toBe(false)
    expect(isUnpriced(DEFAULT_PRICE_TABLE, 'claude-future-9')).toBe(true)
    expect(isUnpriced(DEFAULT_PRICE_TABLE, 'llama3.1:8b')).toBe(false)
  })

  it('charges nothing for local models', () => {
    expect(costOf(DEFAULT_PRICE_TABLE, 'llama3.1:8b', 50_000, 50_000)).toBe(0)
    expect(costOf(DEFAULT_PRICE_TABLE, 'gpt-4o', 50_000, 50_000, 'local')).toBe(0)
  })

  it('prices an unknown model as the dearest of its family, to keep budgets safe', () => {
    expect(priceOf(DEFAULT_PRICE_TABLE, 'claude-future-9')).toEqual({ input: 15, output: 75 })
    expect(priceOf(DEFAULT_PRICE_TABLE, 'gpt-9-turbo')).toEqual({ input: 2.5, output: 10 })
    expect(priceOf(DEFAULT_PRICE_TABLE, 'my-finetune', 'openai')).toEqual({
      input: 2.5,
      output: 10,
    })
  })

  it('bounds a call before it is made by its whole output allowance', () => {
    expect(worstCaseCost(DEFAULT_PRICE_TABLE, 'gpt-4.1', 2_000, 4_000)).toBe(0.036)
  })

  it('validates price tables from settings', () => {
    expect(PriceTableSchema.safeParse(DEFAULT_PRICE_TABLE).success).toBe(true)
    expect(PriceTableSchema.safeParse({ 'gpt-4o': { input: -1, output: 2 } }).success).toBe(false)
  })
})
