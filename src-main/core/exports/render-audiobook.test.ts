import { describe, expect, it } from 'vitest'
import { exportNarrative } from './export-narrative'
import { buildEnglishNarrative, buildPolishNarrative, readText } from './narrative-fixtures'
import type { ExportableNarrative } from './types'

async function scriptOf(narrative: ExportableNarrative): Promise<string[]> {
  return readText((await exportNarrative(narrative, 'audiobook')).body).split('\n')
}

describe('audiobook script', () => {
  it('opens with a header naming the title, author and language', async () => {
    const script = await scriptOf(buildPolishNarrative())

    expect(script.slice(0, 4)).toEqual([
      '[TITLE: Ciemna noc nad Łodzią]',
      '[AUTHOR: Zofia Żuławska]',
      '[LANGUAGE: pl]',
      '',
    ])
  })

  it('gives em-dash dialogue to the character named in its attribution', async () => {
    const script = await scriptOf(buildPolishNarrative())

    expect(script).toContain('[CHARACTER: Anna] Chodź')
    expect(script).toContain('[NARRATOR] powiedziała Anna.')
    expect(script).toContain('[CHARACTER: Anna] Już czas.')
    expect(script).toContain('[CHARACTER: Piotr Nowak] Dokąd?')
  })

  it('marks speech with no named speaker as plain dialogue', async () => {
    const script = await scriptOf(buildPolishNarrative())

    expect(script).toContain('[DIALOGUE] Tam, gdzie nikt nas nie znajdzie.')
    expect(script).toContain('[DIALOGUE] Wracamy')
    expect(script).toContain('[NARRATOR] szepnął.')
  })

  it('does not take a name in another case for the speaker', async () => {
    const narrative = buildPolishNarrative({
      chapters: [{ title: 'Jeden', text: '— Wstawaj — zawołał do Anny ojciec.' }],
    })

    expect(await scriptOf(narrative)).toContain('[DIALOGUE] Wstawaj')
  })

  it('recognises quoted speech before and after its attribution', async () => {
    const script = await scriptOf(buildEnglishNarrative())

    expect(script).toContain('[CHARACTER: Mara] Come here,')
    expect(script).toContain('[NARRATOR] Mara said.')
    expect(script).toContain('[CHARACTER: Mara] The lamp is out.')
    expect(script).toContain('[DIALOGUE] Who put it out?')
    expect(script).toContain('[CHARACTER: Tom Reyes] We wait for morning.')
  })

  it('leaves a quoted phrase inside narration to the narrator', async () => {
    const narrative = buildEnglishNarrative({
      chapters: [
        { title: 'One', text: 'They called the lighthouse "the Eye" and never went near.' },
      ],
    })

    expect(await scriptOf(narrative)).toContain(
      '[NARRATOR] They called the lighthouse "the Eye" and never went near.',
    )
  })

  it('paces chapters, scene breaks and paragraphs with pauses', async () => {
    const narrative = buildPolishNarrative({
      characters: [],
      text: '## Pierwszy\n\nA.\n\nB.\n\n* * *\n\nC.\n\n## Drugi\n\nD.',
    })

    expect((await scriptOf(narrative)).slice(4)).toEqual([
      '[CHAPTER: Pierwszy]',
      '[PAUSE: long]',
      '[NARRATOR] A.',
      '[PAUSE: short]',
      '[NARRATOR] B.',
      '[PAUSE: medium]',
      '[NARRATOR] C.',
      '',
      '[CHAPTER: Drugi]',
      '[PAUSE: long]',
      '[NARRATOR] D.',
      '',
    ])
  })
})
