// A joiner between two runs keeps them one word: "don't", "e-mail", "3.5".
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu

/**
 * Words as a writer counts them: runs of letters or digits of any alphabet, dialogue dashes
 * not counted. The pipeline, the server and the editor all count with this, so a narrative's
 * length is the same number everywhere.
 */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0
}
