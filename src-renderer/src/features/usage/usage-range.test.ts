import { describe, expect, it } from 'vitest'
import { fillDays, newestFirst, rangeEndingAt } from './usage-range'

describe('usage range', () => {
  it('counts the range back from today, today included', () => {
    expect(rangeEndingAt(new Date('2026-03-10T15:00:00Z'), 7)).toEqual({
      from: '2026-03-04',
      to: '2026-03-10',
    })
  })

  it('fills days without spending with zeros', () => {
    const rows = [{ day: '2026-03-02', cost_usd: 1.5, tokens_in: 10, tokens_out: 20, calls: 1 }]
    const filled = fillDays('2026-03-01', '2026-03-03', rows)
    expect(filled.map((r) => [r.day, r.cost_usd])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 1.5],
      ['2026-03-03', 0],
    ])
  })

  it('crosses month ends', () => {
    expect(fillDays('2026-02-27', '2026-03-02', [])).toHaveLength(4)
  })

  it('lists the table’s days the latest first', () => {
    const day = (d: string) => ({ day: d, cost_usd: 1, tokens_in: 1, tokens_out: 1, calls: 1 })
    const rows = [day('2026-03-02'), day('2026-03-09'), day('2026-02-27')]
    expect(newestFirst(rows).map((r) => r.day)).toEqual(['2026-03-09', '2026-03-02', '2026-02-27'])
  })
})
