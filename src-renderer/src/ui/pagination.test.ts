import { describe, expect, it } from 'vitest'
import { pageWithin } from './Pagination'

describe('a page of a list', () => {
  it('steps back to the last page when its own page no longer exists', () => {
    expect(pageWithin(3, 2)).toBe(2)
    expect(pageWithin(2, 0)).toBe(1)
  })

  it('stays where it is while the page exists', () => {
    expect(pageWithin(2, 5)).toBe(2)
    expect(pageWithin(1, 1)).toBe(1)
  })
})
