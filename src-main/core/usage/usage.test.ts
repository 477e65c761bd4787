import { UsageSummarySchema } from '@shared/contracts/usage'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, type Writer } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { usageLedger } from '../db/schema'

let core: TestCore
let writer: Writer
beforeAll(async () => {
  // The test clock stands at 2026-03-15 12:00 UTC, so the default range is 02-14 to 03-15.
  core = await createTestCore()
  writer = await signUp(core)
  const stranger = await signUp(core)
  const me = writer.auth.user.id

  await core.db.insert(usageLedger).values([
    ledgerRow(me, '2026-03-10T08:00:00Z', 'openai', 'gpt-4o-mini', 'brief', 0.01, 100, 50),
    ledgerRow(
      me,
      '2026-03-10T21:30:00Z',
      'anthropic',
      'claude-sonnet-4-5',
      'prose',
      0.2,
      1_000,
      2_000,
    ),
    ledgerRow(me, '2026-03-12T23:59:59Z', 'openai', 'gpt-4o-mini', 'prose', 0.05, 400, 800),
    // Outside the default thirty days.
    ledgerRow(me, '2026-01-02T10:00:00Z', 'openai', 'gpt-4o-mini', 'brief', 9, 1, 1),
    ledgerRow(stranger.auth.user.id, '2026-03-10T09:00:00Z', 'openai', 'gpt-4o', 'brief', 5, 7, 7),
  ])
})
afterAll(() => core.dispose())

function ledgerRow(
  userId: string,
  at: string,
  provider: string,
  model: string,
  stage: string,
  costUsd: number,
  tokensIn: number,
  tokensOut: number,
): typeof usageLedger.$inferInsert {
  return {
    userId,
    provider,
    model,
    stage,
    costUsd,
    tokensIn,
    tokensOut,
    latencyMs: 900,
    createdAt: new Date(at),
  }
}

const byKey = <T>(rows: T[], key: (row: T) => string) =>
  [...rows].sort((a, b) => key(a).localeCompare(key(b)))

describe('the usage summary', () => {
  it('sums the last thirty days of the user’s own ledger by day, model and stage', async () => {
    const res = await writer.call('GET', '/api/usage')

    expect(res.status).toBe(200)
    const usage = UsageSummarySchema.parse(res.json)
    expect(usage).toMatchObject({ from: '2026-02-14', to: '2026-03-15' })
    expect(usage.total).toEqual({
      cost_usd: expect.closeTo(0.26, 6),
      tokens_in: 1_500,
      tokens_out: 2_850,
      calls: 3,
    })
    expect(usage.by_day).toEqual([
      {
        day: '2026-03-10',
        cost_usd: expect.closeTo(0.21, 6),
        tokens_in: 1_100,
        tokens_out: 2_050,
        calls: 2,
      },
      {
        day: '2026-03-12',
        cost_usd: expect.closeTo(0.05, 6),
        tokens_in: 400,
        tokens_out: 800,
        calls: 1,
      },
    ])
    expect(byKey(usage.by_model, (r) => r.model)).toEqual([
      {
        provider: 'anthropic',
        model: 'claude-sonnet-4-5',
        cost_usd: expect.closeTo(0.2, 6),
        tokens_in: 1_000,
        tokens_out: 2_000,
        calls: 1,
      },
      {
        provider: 'openai',
        model: 'gpt-4o-mini',
        cost_usd: expect.closeTo(0.06, 6),
        tokens_in: 500,
        tokens_out: 850,
        calls: 2,
      },
    ])
    expect(byKey(usage.by_stage, (r) => r.stage).map((r) => [r.stage, r.calls])).toEqual([
      ['brief', 1],
      ['prose', 2],
    ])
  })

  it('keeps to the requested days, the last one whole', async () => {
    const res = await writer.call('GET', '/api/usage?from=2026-03-11&to=2026-03-12')

    expect(res.json).toMatchObject({ from: '2026-03-11', to: '2026-03-12' })
    expect(res.json.total).toMatchObject({ calls: 1, tokens_in: 400 })
    expect(res.json.by_day.map((d: { day: string }) => d.day)).toEqual(['2026-03-12'])
  })

  it('answers an empty range with zero totals', async () => {
    const res = await writer.call('GET', '/api/usage?from=2025-06-01&to=2025-06-30')

    expect(res.json.total).toEqual({ cost_usd: 0, tokens_in: 0, tokens_out: 0, calls: 0 })
    expect(res.json.by_day).toEqual([])
    expect(res.json.by_model).toEqual([])
  })

  it('refuses a date that is not YYYY-MM-DD', async () => {
    const res = await writer.call('GET', '/api/usage?from=15.03.2026')

    expect(res.status).toBe(422)
    expect(res.json.errors).toEqual([expect.objectContaining({ field: 'from' })])
  })
})
