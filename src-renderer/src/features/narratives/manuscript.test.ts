import { describe, expect, it } from 'vitest'
import { countWords, toBlocks } from './manuscript'

describe('countWords', () => {
  it('counts words in any alphabet', () => {
    expect(countWords('Zażółć gęślą jaźń.')).toBe(3)
    expect(countWords('The night was cold.')).toBe(4)
  })

  it('keeps contractions, hyphenated words and numbers whole', () => {
    expect(countWords("Don't send the e-mail before 3.30")).toBe(6)
  })

  it('ignores punctuation, dashes between words and blank text', () => {
    expect(countWords('— Tak — odparła. …')).toBe(2)
    expect(countWords('   \n\n ')).toBe(0)
  })
})

describe('toBlocks', () => {
  it('reads headings, scene breaks and one paragraph per line', () => {
    const text = '# Złoto\n\n## Rozdział 1\nPierwszy akapit.\n\nDrugi akapit.\n* * *\nTrzeci.'
    expect(toBlocks(text)).toEqual([
      { kind: 'heading', level: 2, text: 'Złoto' },
      { kind: 'heading', level: 2, text: 'Rozdział 1' },
      { kind: 'paragraph', text: 'Pierwszy akapit.' },
      { kind: 'paragraph', text: 'Drugi akapit.' },
      { kind: 'break' },
      { kind: 'paragraph', text: 'Trzeci.' },
    ])
  })

  it('handles Windows line endings', () => {
    expect(toBlocks('One.\r\nTwo.')).toHaveLength(2)
  })
})
