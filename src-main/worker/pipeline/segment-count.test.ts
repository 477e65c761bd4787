import { describe, expect, it } from 'vitest'
import { FORMS, type Form } from '@shared/contracts/catalog'
import { overallProgress, STAGE_WEIGHTS } from './progress'
import { distributeWords, planBatches, planSegmentCount } from './segment-count'
import { joinContinuation, splitByParagraphs } from './text'

describe('planning the segments', () => {
  it.each([
    ['short_story', 1_000, 3],
    ['short_story', 5_000, 3],
    ['short_story', 10_000, 6],
    ['novella', 20_000, 11],
    ['novel', 80_000, 44],
    ['epic_saga', 500_000, 250],
  ] as const)('gives a %s of %i words %i segments', (form, words, count) => {
    expect(planSegmentCount(form, words)).toBe(count)
  })

  it("stays inside every form's segment range at both ends of its length", () => {
    for (const form of Object.keys(FORMS) as Form[]) {
      const { minWords, maxWords, segments } = FORMS[form]
      for (const words of [minWords, maxWords]) {
        const count = planSegmentCount(form, words)
        expect(count).toBeGreaterThanOrEqual(segments[0])
        expect(count).toBeLessThanOrEqual(segments[1])
      }
    }
  })

  it('splits a length into whole targets that add up to it exactly', () => {
    const targets = distributeWords(10_001, [1, 2, 1, 3])
    expect(targets.reduce((a, b) => a + b, 0)).toBe(10_001)
    expect(targets[3]).toBeGreaterThan(targets[1] ?? 0)
  })

  it('plans long works in batches of at most twenty segments', () => {
    const batches = planBatches(45)
    expect(batches.map((b) => b.length)).toEqual([20, 20, 5])
    expect(batches.flat()).toEqual(Array.from({ length: 45 }, (_, i) => i + 1))
  })
})

describe('progress weights', () => {
  it('add up to one, with prose the largest share', () => {
    const total = Object.values(STAGE_WEIGHTS).reduce((a, b) => a + b, 0)
    expect(total).toBeCloseTo(1, 10)
    expect(Math.max(...Object.values(STAGE_WEIGHTS))).toBe(STAGE_WEIGHTS.prose)
    expect(overallProgress('prose', 0.5)).toBeCloseTo(0.15 + 0.3, 10)
  })
})

describe('text helpers', () => {
  it('joins a continuation with one space, or flush when it starts with punctuation', () => {
    expect(joinContinuation('Szedł do', 'domu.')).toBe('Szedł do domu.')
    expect(joinContinuation('Szedł do domu', ', powoli.')).toBe('Szedł do domu, powoli.')
  })

  it('splits text at paragraph breaks without cutting a paragraph', () => {
    const text = ['a b c', 'd e', 'f g h i'].join('\n\n')
    expect(splitByParagraphs(text, 5)).toEqual(['a b c\n\nd e', 'f g h i'])
  })
})
