import { labelsFor } from './manuscript'
import type { Manuscript, ManuscriptChapter } from './types'
import { escapeXml } from './xml-text'

/** What the package document needs to know beyond the manuscript itself. */
export interface EpubPackageOptions {
  identifier: string
  modified: string
  chapterFiles: string[]
}

export const STYLESHEET_FILE = 'styles.css'
export const NAV_FILE = 'nav.xhtml'
export const TITLE_PAGE_FILE = 'title.xhtml'

/** The OCF container, which points reading systems at the package document. */
export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`

/** A small stylesheet: book typography that reading systems are free to override. */
export const STYLESHEET = `body { font-family: serif; line-height: 1.5; }
h1 { text-align: center; margin: 2em 0 1.5em; }
p { margin: 0; text-indent: 1.5em; }
h1 + p, hr + p { text-indent: 0; }
hr.scene-break { border: none; border-top: 1px solid; width: 20%; margin: 1.5em auto; }
.title-page { text-align: center; margin-top: 30%; }
.title-page p { text-indent: 0; font-style: italic; }
`

/** The package document: metadata, the manifest of every file, and the reading order. */
export function buildPackageDocument(manuscript: Manuscript, options: EpubPackageOptions): string {
  const lang = escapeXml(manuscript.language)
  const chapterItems = options.chapterFiles.map(
    (file, index) =>
      `    <item id="${chapterId(index)}" href="${file}" media-type="application/xhtml+xml"/>`,
  )
  const chapterRefs = options.chapterFiles.map(
    (_, index) => `    <itemref idref="${chapterId(index)}"/>`,
  )
  const creator = manuscript.author
    ? [`    <dc:creator>${escapeXml(manuscript.author)}</dc:creator>`]
    : []

  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${escapeXml(options.identifier)}</dc:identifier>
    <dc:title>${escapeXml(manuscript.title)}</dc:title>
    <dc:language>${lang}</dc:language>
${[...creator, `    <meta property="dcterms:modified">${options.modified}</meta>`].join('\n')}
  </metadata>
  <manifest>
    <item id="nav" href="${NAV_FILE}" media-type="application/xhtml+xml" properties="nav"/>
    <item id="css" href="${STYLESHEET_FILE}" media-type="text/css"/>
    <item id="title-page" href="${TITLE_PAGE_FILE}" media-type="application/xhtml+xml"/>
${chapterItems.join('\n')}
  </manifest>
  <spine>
    <itemref idref="title-page"/>
${chapterRefs.join('\n')}
  </spine>
</package>
`
}

/** The navigation document: a table of contents with one entry per chapter. */
export function buildNavDocument(manuscript: Manuscript, chapterFiles: string[]): string {
  const contents = labelsFor(manuscript.language).contents
  const entries = manuscript.chapters.map(
    (chapter, index) =>
      `        <li><a href="${chapterFiles[index]}">${escapeXml(chapter.title)}</a></li>`,
  )
  const body = `    <nav epub:type="toc" id="toc">
      <h1>${escapeXml(contents)}</h1>
      <ol>
${entries.join('\n')}
      </ol>
    </nav>`
  return wrapXhtml(manuscript, contents, body)
}

/** The title page: the narrative's title and, when known, its author. */
export function buildTitlePage(manuscript: Manuscript): string {
  const byline = manuscript.author
    ? `\n      <p>${escapeXml(labelsFor(manuscript.language).byAuthor(manuscript.author))}</p>`
    : ''
  const body = `    <section class="title-page" epub:type="titlepage">
      <h1>${escapeXml(manuscript.title)}</h1>${byline}
    </section>`
  return wrapXhtml(manuscript, manuscript.title, body)
}

/** One chapter as an XHTML content document, scenes separated by a styled rule. */
export function buildChapterDocument(manuscript: Manuscript, chapter: ManuscriptChapter): string {
  const paragraphs = chapter.scenes.flatMap((scene, index) => [
    ...(index > 0 ? ['      <hr class="scene-break"/>'] : []),
    ...scene.map((text) => `      <p>${text.split('\n').map(escapeXml).join('<br/>')}</p>`),
  ])
  const body = `    <section epub:type="chapter">
      <h1>${escapeXml(chapter.title)}</h1>
${paragraphs.join('\n')}
    </section>`
  return wrapXhtml(manuscript, chapter.title, body)
}

function wrapXhtml(manuscript: Manuscript, title: string, body: string): string {
  const lang = escapeXml(manuscript.language)
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
  <head>
    <meta charset="utf-8"/>
    <title>${escapeXml(title)}</title>
    <link rel="stylesheet" type="text/css" href="${STYLESHEET_FILE}"/>
  </head>
  <body>
${body}
  </body>
</html>
`
}

function chapterId(index: number): string {
  return `chapter-${String(index + 1).padStart(3, '0')}`
}
