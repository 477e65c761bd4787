import { describe, expect, it } from 'vitest'
import {
  appendProse,
  distrustLiveProse,
  EMPTY_PROSE,
  mergeSavedProse,
  proseSegments,
} from './prose-accumulator'

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

describe('saved prose merged with the stream', () => {
  it('fills in what was written before the page opened, without doubling the segment in progress', () => {
    // The page opened halfway through segment 2: only its end arrived.
    let state = appendProse(EMPTY_PROSE, 2, 'cond half.')
    state = mergeSavedProse(state, [
      { segment: 1, text: 'First.' },
      { segment: 2, text: 'Second half.' },
    ])
    state = appendProse(state, 3, 'Third', true)
    state = appendProse(state, 3, ' begins.')
    expect(proseSegments(state)).toEqual([
      { segment: 1, text: 'First.' },
      { segment: 2, text: 'Second half.' },
      { segment: 3, text: 'Third begins.' },
    ])
    expect(state.length).toBe('First.Second half.Third begins.'.length)
    expect(state.seeded).toBe(true)
  })

  it('keeps a take followed from its start over an older saved copy', () => {
    let state = appendProse(EMPTY_PROSE, 1, 'Polished', true)
    state = appendProse(state, 1, ' and still going')
    state = mergeSavedProse(state, [{ segment: 1, text: 'The rough draft.' }])
    expect(state.segments[1]).toBe('Polished and still going')
  })

  it('keeps the segment being written, which the server has not saved yet', () => {
    let state = appendProse(EMPTY_PROSE, 4, 'Being written', true)
    state = mergeSavedProse(state, [{ segment: 3, text: 'Done.' }])
    expect(proseSegments(state).map((s) => s.segment)).toEqual([3, 4])
    expect(state.segments[4]).toBe('Being written')
  })

  it('drops the rest of a take whose start it missed, until the next take begins', () => {
    let state = mergeSavedProse(EMPTY_PROSE, [{ segment: 1, text: 'Drafted text.' }])
    state = appendProse(state, 1, ' second polished piece')
    expect(state.segments[1]).toBe('Drafted text.')
    state = appendProse(state, 1, 'Rewritten', true)
    expect(state.segments[1]).toBe('Rewritten')
  })

  it('prefers the saved copy after a gap in the stream, even over a take that looked whole', () => {
    let state = appendProse(EMPTY_PROSE, 1, 'Draft', true)
    state = mergeSavedProse(distrustLiveProse(state), [{ segment: 1, text: 'Polished.' }])
    expect(state.segments[1]).toBe('Polished.')
  })

  it('asks for the saved copy again after a gap', () => {
    const seeded = mergeSavedProse(EMPTY_PROSE, [])
    expect(distrustLiveProse(seeded).seeded).toBe(false)
  })
})
