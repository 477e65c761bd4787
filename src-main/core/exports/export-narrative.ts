import { AppError } from '../errors/app-error'
import { parseManuscript } from './manuscript'
import { renderAudiobookScript } from './render-audiobook'
import { renderDocx } from './render-docx'
import { renderEpub } from './render-epub'
import { renderMarkdown, renderPlainText } from './render-text'
import type { ExportableNarrative, ExportedFile, ExportFormat, Manuscript } from './types'

interface FormatSpec {
  suffix: string
  contentType: string
  render: (manuscript: Manuscript, narrative: ExportableNarrative) => Promise<Uint8Array>
}

const TEXT_ENCODER = new TextEncoder()

const FORMATS: Record<ExportFormat, FormatSpec> = {
  md: {
    suffix: '.md',
    contentType: 'text/markdown; charset=utf-8',
    render: async (manuscript, narrative) => encode(renderMarkdown(manuscript, narrative)),
  },
  txt: {
    suffix: '.txt',
    contentType: 'text/plain; charset=utf-8',
    render: async (manuscript) => encode(renderPlainText(manuscript)),
  },
  docx: {
    suffix: '.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: renderDocx,
  },
  epub: {
    suffix: '.epub',
    contentType: 'application/epub+zip',
    render: renderEpub,
  },
  audiobook: {
    suffix: '-audiobook.txt',
    contentType: 'text/plain; charset=utf-8',
    render: async (manuscript, narrative) =>
      encode(renderAudiobookScript(manuscript, narrative.characters ?? [])),
  },
}

// Letters that Unicode does not decompose into a base letter and a mark, so stripping marks
// alone would drop them from the slug (ł is the one Polish titles need).
const UNDECOMPOSABLE: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
}
const MAX_SLUG_LENGTH = 80

/**
 * Exports a finished narrative to one file format.
 *
 * @example
 * const file = await exportNarrative(narrative, 'epub')
 * // file.fileName === 'ciemna-noc.epub', file.contentType === 'application/epub+zip'
 *
 * @throws AppError `validation` for a format that does not exist, `internal` when a document
 * library fails to build the file.
 */
export async function exportNarrative(
  narrative: ExportableNarrative,
  format: ExportFormat,
): Promise<ExportedFile> {
  const spec = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined
  if (!spec) {
    throw new AppError('validation', `Unknown export format: ${String(format)}`, {
      details: { field: 'format', allowed: Object.keys(FORMATS) },
    })
  }

  const manuscript = parseManuscript(narrative)
  const body = await spec.render(manuscript, narrative).catch((cause: unknown) => {
    throw new AppError('internal', `Could not build the ${format} export`, { cause })
  })

  return {
    fileName: slugifyTitle(narrative.title) + spec.suffix,
    contentType: spec.contentType,
    body,
  }
}

/**
 * Turns a title into a file-name slug: ASCII lower case and hyphens, diacritics transliterated
 * (`Ciemna noc nad Łodzią` → `ciemna-noc-nad-lodzia`). An empty result becomes `narrative`.
 */
export function slugifyTitle(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[łđøßæœþ]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '')
  return slug || 'narrative'
}

function encode(text: string): Uint8Array {
  return TEXT_ENCODER.encode(text)
}
