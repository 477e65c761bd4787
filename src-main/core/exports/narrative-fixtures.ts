import type { ExportableNarrative } from './types'

/**
 * Narratives the export tests share: a Polish one split by `##` headings, with diacritics,
 * em-dash dialogue, a scene break and text that needs escaping; an English one with given
 * chapters, quoted dialogue and a title full of XML's special characters.
 */
export function buildPolishNarrative(
  overrides: Partial<ExportableNarrative> = {},
): ExportableNarrative {
  return {
    id: '3f6c2a9e-1b7d-4c5e-8f00-9a1b2c3d4e5f',
    title: 'Ciemna noc nad Łodzią',
    language: 'pl',
    genre: 'horror',
    form: 'short_story',
    author: 'Zofia Żuławska',
    text: [
      '## Rozdział pierwszy: Źródło',
      '',
      'Noc nad Łodzią była ciemna, a wiatr gwizdał w kominach fabryk.',
      '',
      '— Chodź — powiedziała Anna. — Już czas.',
      '',
      '— Dokąd? — zapytał Piotr, nie ruszając się z miejsca.',
      '',
      '— Tam, gdzie nikt nas nie znajdzie.',
      '',
      '* * *',
      '',
      'Rano szyld „Kowalski & Syn” wisiał krzywo.',
      '# to nie nagłówek, tylko myśl Anny',
      '',
      '## Rozdział drugi',
      '',
      'Piotr spojrzał na Annę. „Wracamy” – szepnął.',
    ].join('\n'),
    createdAt: new Date('2024-03-01T10:00:00.123Z'),
    updatedAt: new Date('2024-03-02T18:30:45.678Z'),
    characters: [{ name: 'Anna' }, { name: 'Piotr Nowak' }],
    ...overrides,
  }
}

export function buildEnglishNarrative(
  overrides: Partial<ExportableNarrative> = {},
): ExportableNarrative {
  return {
    id: 'narrative-42',
    title: 'The Keeper & the "Lighthouse"',
    language: 'en',
    genre: 'mystery',
    form: 'novella',
    author: null,
    text: 'Ignored, because chapters are given.',
    chapters: [
      {
        title: 'Arrival',
        text: [
          'The ferry left Mara on the pier at dusk.',
          '',
          '"Come here," Mara said. "The lamp is out."',
          '',
          '"Who put it out?"',
        ].join('\n'),
      },
      {
        title: 'Storm <Part II>',
        text: 'Tom said, "We wait for morning."\n\nThe sea answered with thunder & rain.',
      },
    ],
    createdAt: new Date('2024-05-10T08:00:00.000Z'),
    updatedAt: new Date('2024-05-11T09:15:00.000Z'),
    characters: [{ name: 'Mara' }, { name: 'Tom Reyes' }],
    ...overrides,
  }
}

/** Decodes an exported text file's body. */
export function readText(body: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(body)
}
