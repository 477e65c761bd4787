import { describe, expect, it } from 'vitest'
import { appendProse, EMPTY_PROSE, proseSegments } from './prose-accumulator'

describe('prose accumulator', () => {
  it('joins the deltas of a segment in arrival order', () => {
    let state = appendProse(EMPTY_PROSE, 1, 'The night ')
    state = appendProse(state, 1, 'was cold.')
    expect(proseSegments(state)).toEqual([{ segment: 1, text: 'The night was cold.' }])
    expect(state.length).toBe(19)
  })

  it('keeps segments apart and in reading order', () => {
    let state = appendProse(EMPTY_PROSE, 2, 'Second.')
    state = appendProse(state, 1, 'First.')
    state = appendProse(state, 10, 'Tenth.')
    expect(proseSegments(state).map((s) => s.segment)).toEqual([1, 2, 10])
  })

  it('replaces a segment when a new take of it begins', () => {
    let state = appendProse(EMPTY_PROSE, 1, 'First draft.')
    state = appendProse(state, 2, 'Next.')
    state = appendProse(state, 1, 'Polished', true)
    state = appendProse(state, 1, ' draft.')
    expect(proseSegments(state)[0]).toEqual({ segment: 1, text: 'Polished draft.' })
    expect(state.length).toBe('Polished draft.'.length + 'Next.'.length)
  })

  it('does not change state for an empty delta', () => {
    expect(appendProse(EMPTY_PROSE, 1, '')).toBe(EMPTY_PROSE)
  })

  it('leaves the previous state untouched', () => {
    const before = appendProse(EMPTY_PROSE, 1, 'a')
    appendProse(before, 1, 'b')
    expect(before.segments[1]).toBe('a')
  })
})
