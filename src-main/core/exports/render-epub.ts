import { createHash } from 'node:crypto'
import JSZip from 'jszip'
import {
  buildChapterDocument,
  buildNavDocument,
  buildPackageDocument,
  buildTitlePage,
  CONTAINER_XML,
  NAV_FILE,
  STYLESHEET,
  STYLESHEET_FILE,
  TITLE_PAGE_FILE,
} from './epub-documents'
import type { ExportableNarrative, Manuscript } from './types'
import { formatW3cDateTime } from './xml-text'

const EPUB_MIME_TYPE = 'application/epub+zip'
const CONTENT_FOLDER = 'EPUB'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// Any fixed UUID works as the namespace; it only has to stay the same between releases, so a
// narrative keeps its identifier across exports.
const IDENTIFIER_NAMESPACE = '7b1f5f0e-7c4a-4d8e-9a43-52a8e3c1d0b6'

/**
 * Renders a manuscript as an EPUB 3 book: the OCF container, a package document, a navigation
 * document, a title page, one XHTML document per chapter and a stylesheet.
 */
export async function renderEpub(
  manuscript: Manuscript,
  narrative: ExportableNarrative,
): Promise<Uint8Array> {
  const chapterFiles = manuscript.chapters.map(
    (_, index) => `chapter-${String(index + 1).padStart(3, '0')}.xhtml`,
  )
  const packageDocument = buildPackageDocument(manuscript, {
    identifier: `urn:uuid:${toUuid(narrative.id)}`,
    modified: formatW3cDateTime(narrative.updatedAt),
    chapterFiles,
  })

  // Entry dates come from the narrative, not the clock, so one narrative always zips the same.
  const zip = new JSZip()
  const options = { date: narrative.updatedAt, createFolders: false }
  // OCF: `mimetype` must be the first entry, stored uncompressed, so a reader can sniff the
  // type from a fixed byte offset.
  zip.file('mimetype', EPUB_MIME_TYPE, { ...options, compression: 'STORE' })
  zip.file('META-INF/container.xml', CONTAINER_XML, options)
  zip.file(`${CONTENT_FOLDER}/package.opf`, packageDocument, options)
  zip.file(`${CONTENT_FOLDER}/${NAV_FILE}`, buildNavDocument(manuscript, chapterFiles), options)
  zip.file(`${CONTENT_FOLDER}/${TITLE_PAGE_FILE}`, buildTitlePage(manuscript), options)
  zip.file(`${CONTENT_FOLDER}/${STYLESHEET_FILE}`, STYLESHEET, options)
  manuscript.chapters.forEach((chapter, index) => {
    const document = buildChapterDocument(manuscript, chapter)
    zip.file(`${CONTENT_FOLDER}/${chapterFiles[index]}`, document, options)
  })

  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    mimeType: EPUB_MIME_TYPE,
  })
}

/**
 * The narrative's id when it is a UUID; otherwise a name-based (version 5) UUID derived from it,
 * because epubcheck rejects a `urn:uuid:` identifier that is not a valid UUID.
 */
function toUuid(id: string): string {
  if (UUID.test(id)) return id.toLowerCase()

  const namespace = Buffer.from(IDENTIFIER_NAMESPACE.replace(/-/g, ''), 'hex')
  const bytes = createHash('sha1').update(namespace).update(id, 'utf8').digest().subarray(0, 16)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-')
}
