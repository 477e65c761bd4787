import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { labelsFor } from './manuscript'
import type { ExportableNarrative, Manuscript, ManuscriptChapter } from './types'
import { escapeXml, formatW3cDateTime, toRegionalLanguageTag } from './xml-text'

const BODY_FONT = 'Times New Roman'
const BODY_SIZE = 24 // half-points: 12 pt, the manuscript standard
const LINE_SPACING = 360 // 240ths of a line: 1.5 lines
const FIRST_LINE_INDENT = 567 // twips: 1 cm
const SCENE_BREAK = '* * *'
const CORE_PROPERTIES_PATH = 'docProps/core.xml'

/**
 * Renders a manuscript as a Word document: a title, one page-breaking heading per chapter,
 * one paragraph per paragraph with a first-line indent, in a serif font, with the document's
 * title, creator and language in its properties.
 */
export async function renderDocx(
  manuscript: Manuscript,
  narrative: ExportableNarrative,
): Promise<Uint8Array> {
  const document = new Document({
    styles: buildStyles(manuscript),
    sections: [
      { children: [...renderTitle(manuscript), ...manuscript.chapters.flatMap(renderChapter)] },
    ],
  })

  // docx writes no dc:language and stamps the creation time of the export; the core properties
  // are written here instead, so the file carries the language and the narrative's own dates.
  const coreProperties = {
    path: CORE_PROPERTIES_PATH,
    data: buildCoreProperties(manuscript, narrative),
  }
  const buffer = await Packer.toBuffer(document, false, [coreProperties])
  return new Uint8Array(buffer)
}

function buildStyles(manuscript: Manuscript) {
  const font = BODY_FONT // headings too, or Word falls back to its theme's sans-serif
  return {
    default: {
      document: {
        run: {
          font,
          size: BODY_SIZE,
          language: { value: toRegionalLanguageTag(manuscript.language) },
        },
        paragraph: { spacing: { line: LINE_SPACING } },
      },
      title: {
        run: { font, size: 48, bold: true, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 480 } },
      },
      heading1: {
        run: { font, size: 32, bold: true, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 480 } },
      },
    },
  }
}

function renderTitle(manuscript: Manuscript): Paragraph[] {
  const title = new Paragraph({ heading: HeadingLevel.TITLE, text: manuscript.title })
  if (!manuscript.author) return [title]

  const byline = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 480 },
    children: [
      new TextRun({
        text: labelsFor(manuscript.language).byAuthor(manuscript.author),
        italics: true,
      }),
    ],
  })
  return [title, byline]
}

function renderChapter(chapter: ManuscriptChapter): Paragraph[] {
  const heading = chapter.hasOwnHeading
    ? [
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          pageBreakBefore: true,
          text: chapter.title,
        }),
      ]
    : []

  const body = chapter.scenes.flatMap((scene, sceneIndex) => [
    ...(sceneIndex > 0 ? [renderSceneBreak()] : []),
    // Book typography leaves the first paragraph after a heading or a break unindented.
    ...scene.map((text, index) => renderParagraph(text, index === 0 ? 0 : FIRST_LINE_INDENT)),
  ])

  return [...heading, ...body]
}

function renderParagraph(text: string, firstLine: number): Paragraph {
  const runs = text
    .split('\n')
    .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 }))
  return new Paragraph({ indent: { firstLine }, children: runs })
}

function renderSceneBreak(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 240 },
    text: SCENE_BREAK,
  })
}

function buildCoreProperties(manuscript: Manuscript, narrative: ExportableNarrative): string {
  const keywords = [narrative.genre, narrative.form].filter(Boolean).join(', ')
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties',
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(manuscript.title)}</dc:title>`,
    '<dc:creator>NarraForge</dc:creator>',
    '<cp:lastModifiedBy>NarraForge</cp:lastModifiedBy>',
    `<cp:keywords>${escapeXml(keywords)}</cp:keywords>`,
    `<dc:language>${toRegionalLanguageTag(manuscript.language)}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${formatW3cDateTime(narrative.createdAt)}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${formatW3cDateTime(narrative.updatedAt)}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('')
}
