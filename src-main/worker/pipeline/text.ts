import { countWords } from '@shared/text/count-words'

export { countWords }

/** The last `count` words, for the seam between one segment and the next. */
export function lastWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/)
  if (words.length <= count) return text.trim()
  return `…${words.slice(-count).join(' ')}`
}

/** The first `count` words. */
export function firstWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/)
  if (words.length <= count) return text.trim()
  return `${words.slice(0, count).join(' ')}…`
}

/**
 * Joins a continuation to the text it continues. Models usually restart at a word boundary;
 * a continuation that starts with punctuation or a line break belongs flush to the text.
 */
export function joinContinuation(text: string, continuation: string): string {
  const head = text.replace(/\s+$/, '')
  const tail = continuation.replace(/^[ \t]+/, '')
  if (tail === '') return head
  if (/^[\n.,;:!?…)\]»”"'-]/.test(tail)) return head + tail
  return `${head} ${tail}`
}

/**
 * Cleans a model's prose answer: drops a heading or a segment label the model put on top
 * despite being told not to (the output stage adds its own headings) and trims the ends.
 */
export function cleanProse(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n')
  const first = lines[0]?.trim() ?? ''
  const isLabel = /^#{1,6}\s/.test(first) || /^(segment|część|rozdział|chapter)\s+\d+/i.test(first)
  const body = isLabel ? lines.slice(1).join('\n') : lines.join('\n')
  return body.replace(/\n{3,}/g, '\n\n').trim()
}

/**
 * Splits text at paragraph breaks into pieces of at most about `maxWords` words; a single
 * paragraph longer than that stays whole rather than being cut mid-sentence.
 */
export function splitByParagraphs(text: string, maxWords: number): string[] {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '')
  const pieces: string[] = []
  let current: string[] = []
  let words = 0

  for (const paragraph of paragraphs) {
    const size = countWords(paragraph)
    if (current.length > 0 && words + size > maxWords) {
      pieces.push(current.join('\n\n'))
      current = []
      words = 0
    }
    current.push(paragraph)
    words += size
  }
  if (current.length > 0) pieces.push(current.join('\n\n'))
  return pieces
}
