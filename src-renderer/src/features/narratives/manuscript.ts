/** A piece of a manuscript as the reader lays it out. */
export type ManuscriptBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'break' }

const SCENE_BREAK = /^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^⁂$/
const HEADING = /^(#{1,6})\s+(.+)$/

export { countWords } from '@shared/text/count-words'

/**
 * Splits plain manuscript text into headings (`# Title`, `## Chapter`), scene breaks (`***`)
 * and paragraphs, one per line: generated prose separates paragraphs by newlines, with or
 * without a blank line between them.
 */
export function toBlocks(text: string): ManuscriptBlock[] {
  const blocks: ManuscriptBlock[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line) continue
    const heading = HEADING.exec(line)
    if (heading?.[1] && heading[2]) {
      blocks.push({
        kind: 'heading',
        level: heading[1].length <= 2 ? 2 : 3,
        text: heading[2].trim(),
      })
    } else if (SCENE_BREAK.test(line)) {
      blocks.push({ kind: 'break' })
    } else {
      blocks.push({ kind: 'paragraph', text: line })
    }
  }
  return blocks
}
