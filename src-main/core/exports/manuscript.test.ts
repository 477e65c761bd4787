import { describe, expect, it } from 'vitest'
import { buildEnglishNarrative, buildPolishNarrative } from './narrative-fixtures'
import { parseManuscript } from './manuscript'

describe('parseManuscript', () => {
  it('splits the text into chapters at ## headings and scenes at * * *', () => {
    const manuscript = parseManuscript(buildPolishNarrative())

    expect(manuscript.chapters.map((chapter) => chapter.title)).toEqual([
      'Rozdział pierwszy: Źródło',
      'Rozdział drugi',
    ])
    expect(manuscript.chapters[0]?.scenes).toHaveLength(2)
    expect(manuscript.chapters[0]?.scenes[0]).toHaveLength(4)
  })

  it('makes a text without headings one chapter titled with the narrative', () => {
    const manuscript = parseManuscript(
      buildPolishNarrative({ title: 'Sen', text: '# Sen\n\nJeden.\n\nDwa.' }),
    )

    expect(manuscript.chapters).toEqual([
      { title: 'Sen', hasOwnHeading: false, scenes: [['Jeden.', 'Dwa.']] },
    ])
  })

  it('keeps text that comes before the first heading as an opening chapter', () => {
    const manuscript = parseManuscript(
      buildPolishNarrative({ title: 'Sen', text: 'Prolog.\n\n## Jeden\n\nTreść.' }),
    )

    expect(manuscript.chapters.map(({ title, hasOwnHeading }) => [title, hasOwnHeading])).toEqual([
      ['Sen', false],
      ['Jeden', true],
    ])
  })

  it('prefers given chapters and names untitled ones by number', () => {
    const manuscript = parseManuscript(
      buildEnglishNarrative({ chapters: [{ title: ' ', text: 'Only.' }] }),
    )

    expect(manuscript.chapters).toEqual([
      { title: 'Chapter 1', hasOwnHeading: true, scenes: [['Only.']] },
    ])
  })

  it('gives each em-dash dialogue line its own paragraph and keeps other line breaks', () => {
    const manuscript = parseManuscript(
      buildPolishNarrative({
        text: 'Weszła.\n— Jesteś? — spytała.\n— Jestem.\n\nWiersz pierwszy,\nwiersz drugi.\r\n***\nKoniec.',
      }),
    )

    expect(manuscript.chapters[0]?.scenes).toEqual([
      ['Weszła.', '— Jesteś? — spytała.', '— Jestem.', 'Wiersz pierwszy,\nwiersz drugi.'],
      ['Koniec.'],
    ])
  })
})
