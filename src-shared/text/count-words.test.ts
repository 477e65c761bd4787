import { describe, expect, it } from 'vitest'
import { countWords } from './count-words'

describe('countWords', () => {
  it('counts Polish words with diacritics and leaves dialogue dashes out', () => {
    expect(countWords('— Chodź tutaj — powiedziała Anna.')).toBe(4)
  })

  it('keeps joined words whole', () => {
    expect(countWords("don't send the e-mail at 3.5 o'clock")).toBe(7)
  })

  it('counts nothing in blank text', () => {
    expect(countWords('  \n\t ')).toBe(0)
  })
})
