import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportNarrative } from './export-narrative'
import { buildEnglishNarrative, buildPolishNarrative } from './narrative-fixtures'
import type { ExportableNarrative } from './types'

async function openDocx(narrative: ExportableNarrative) {
  const file = await exportNarrative(narrative, 'docx')
  const zip = await JSZip.loadAsync(file.body)
  const read = async (path: string) => {
    const entry = zip.file(path)
    if (!entry) throw new Error(`${path} is missing from the docx`)
    return entry.async('string')
  }
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    core: await read('docProps/core.xml'),
  }
}

// Each <w:p> with its runs' text joined, line breaks as newlines and XML entities decoded.
function paragraphsOf(documentXml: string): { xml: string; text: string }[] {
  return [...documentXml.matchAll(/<w:p>.*?<\/w:p>|<w:p .*?<\/w:p>/g)].map(([xml]) => ({
    xml,
    text: [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
      .map(([, text]) => text ?? '')
      .join('\n')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  }))
}

function textOf(documentXml: string): string[] {
  return paragraphsOf(documentXml).map((paragraph) => paragraph.text)
}

describe('docx export', () => {
  it('writes the title, each chapter heading and each paragraph of a Polish narrative', async () => {
    const { document } = await openDocx(buildPolishNarrative())

    expect(textOf(document)).toEqual([
      'Ciemna noc nad Łodzią',
      'Autor: Zofia Żuławska',
      'Rozdział pierwszy: Źródło',
      'Noc nad Łodzią była ciemna, a wiatr gwizdał w kominach fabryk.',
      '— Chodź — powiedziała Anna. — Już czas.',
      '— Dokąd? — zapytał Piotr, nie ruszając się z miejsca.',
      '— Tam, gdzie nikt nas nie znajdzie.',
      '* * *',
      'Rano szyld „Kowalski & Syn” wisiał krzywo.\n# to nie nagłówek, tylko myśl Anny',
      'Rozdział drugi',
      'Piotr spojrzał na Annę. „Wracamy” – szepnął.',
    ])
  })

  it('starts every chapter on a new page under a Heading 1', async () => {
    const { document } = await openDocx(buildEnglishNarrative())

    expect(document.match(/<w:pStyle w:val="Title"\/>/g)).toHaveLength(1)
    expect(document.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(2)
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2)
    expect(textOf(document)).toContain('Tom said, "We wait for morning."')
  })

  it('indents the first line of every paragraph but the first of a scene', async () => {
    const { document } = await openDocx(buildEnglishNarrative())
    const paragraph = (start: string) =>
      paragraphsOf(document).find((candidate) => candidate.text.startsWith(start))?.xml

    expect(paragraph('The ferry left')).toContain('<w:ind w:firstLine="0"/>')
    expect(paragraph('"Come here,"')).toContain('<w:ind w:firstLine="567"/>')
  })

  it('sets a serif font and the narrative language as the defaults', async () => {
    const { styles } = await openDocx(buildPolishNarrative())

    expect(styles).toMatch(/<w:docDefaults>.*w:ascii="Times New Roman".*<w:lang w:val="pl-PL"\/>/)
  })

  it('fills the document properties with title, creator, language and the narrative dates', async () => {
    const { core } = await openDocx(buildEnglishNarrative())

    expect(core).toContain('<dc:title>The Keeper &amp; the &quot;Lighthouse&quot;</dc:title>')
    expect(core).toContain('<dc:creator>NarraForge</dc:creator>')
    expect(core).toContain('<dc:language>en-US</dc:language>')
    expect(core).toContain('>2024-05-11T09:15:00Z</dcterms:modified>')
  })
})
