import { describe, expect, it } from 'vitest'
import { AppError } from '../errors/app-error'
import { exportNarrative, slugifyTitle } from './export-narrative'
import { buildEnglishNarrative, buildPolishNarrative, readText } from './narrative-fixtures'
import type { ExportFormat } from './types'

describe('exportNarrative', () => {
  it.each([
    ['md', 'ciemna-noc-nad-lodzia.md', 'text/markdown; charset=utf-8'],
    ['txt', 'ciemna-noc-nad-lodzia.txt', 'text/plain; charset=utf-8'],
    [
      'docx',
      'ciemna-noc-nad-lodzia.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['epub', 'ciemna-noc-nad-lodzia.epub', 'application/epub+zip'],
    ['audiobook', 'ciemna-noc-nad-lodzia-audiobook.txt', 'text/plain; charset=utf-8'],
  ] as const)('names a %s export after the title and types it', async (format, name, type) => {
    const file = await exportNarrative(buildPolishNarrative(), format)

    expect(file.fileName).toBe(name)
    expect(file.contentType).toBe(type)
    expect(file.body.byteLength).toBeGreaterThan(0)
  })

  it('refuses an unknown format as a validation error', async () => {
    const exporting = exportNarrative(buildPolishNarrative(), 'pdf' as ExportFormat)

    await expect(exporting).rejects.toBeInstanceOf(AppError)
    await expect(exporting).rejects.toMatchObject({ kind: 'validation' })
  })
})

describe('slugifyTitle', () => {
  it('transliterates Polish letters, ł included', () => {
    expect(slugifyTitle('Zażółć gęślą jaźń')).toBe('zazolc-gesla-jazn')
    expect(slugifyTitle('Ciemna noc')).toBe('ciemna-noc')
  })

  it('drops punctuation and falls back to a neutral name', () => {
    expect(slugifyTitle('  „Ja, robot?” — część 2!  ')).toBe('ja-robot-czesc-2')
    expect(slugifyTitle('***')).toBe('narrative')
  })
})

describe('markdown export', () => {
  it('writes front matter, the title, chapters and paragraphs as typed', async () => {
    const markdown = readText((await exportNarrative(buildPolishNarrative(), 'md')).body)

    expect(markdown).toMatch(
      /^---\ntitle: "Ciemna noc nad Łodzią"\nauthor: "Zofia Żuławska"\nlang: pl\n/,
    )
    expect(markdown).toContain(
      '\n---\n\n# Ciemna noc nad Łodzią\n\n## Rozdział pierwszy: Źródło\n\n',
    )
    expect(markdown).toContain('\n\n— Chodź — powiedziała Anna. — Już czas.\n\n')
    expect(markdown).toContain('\n\n* * *\n\nRano szyld „Kowalski & Syn” wisiał krzywo.\n')
    expect(markdown).toContain('\n## Rozdział drugi\n')
    expect(markdown.endsWith('szepnął.\n')).toBe(true)
  })

  it('escapes only what would turn a line into a heading', async () => {
    const markdown = readText((await exportNarrative(buildPolishNarrative(), 'md')).body)

    expect(markdown).toContain('krzywo.\n\\# to nie nagłówek, tylko myśl Anny')
    expect(markdown).toContain('„Kowalski & Syn”')
  })

  it('uses the given chapters and keeps a heading from swallowing angle brackets', async () => {
    const markdown = readText((await exportNarrative(buildEnglishNarrative(), 'md')).body)

    expect(markdown).toContain('# The Keeper & the "Lighthouse"\n\n## Arrival\n\n')
    expect(markdown).toContain('\n## Storm \\<Part II>\n\nTom said, "We wait for morning."\n')
    expect(markdown).not.toContain('Ignored, because chapters are given.')
  })
})

describe('plain text export', () => {
  it('underlines the title, sets chapters apart and ends with a newline', async () => {
    const narrative = buildPolishNarrative({
      title: 'Łódź',
      author: null,
      text: '## Jeden\n\nPierwszy akapit.\r\n\r\nDrugi akapit.\n\n* * *\n\nPo przerwie.\n\n## Dwa\n\nKoniec.',
    })

    const text = readText((await exportNarrative(narrative, 'txt')).body)

    expect(text).toBe(
      [
        'Łódź',
        '====',
        '',
        '',
        'Jeden',
        '-----',
        '',
        'Pierwszy akapit.',
        '',
        'Drugi akapit.',
        '',
        '* * *',
        '',
        'Po przerwie.',
        '',
        '',
        'Dwa',
        '---',
        '',
        'Koniec.',
        '',
      ].join('\n'),
    )
  })

  it('prints a text without headings under the title alone', async () => {
    const narrative = buildEnglishNarrative({
      title: 'Dusk',
      author: 'Jane Doe',
      chapters: undefined,
      text: '# Dusk\n\nOnly paragraph.',
    })

    const text = readText((await exportNarrative(narrative, 'txt')).body)

    expect(text).toBe('Dusk\n====\nby Jane Doe\n\n\nOnly paragraph.\n')
  })
})
