/**
 * Deterministic filler text for the model server's auto mode. It only has to look like prose
 * (sentences, capitals, full stops) so word counters, splitters and exporters downstream get
 * realistic input; nobody reads it.
 */
export type ProseLanguage = 'pl' | 'en'

const WORDS: Record<ProseLanguage, readonly string[]> = {
  en: (
    'the old harbour lantern whispered river stone night she he walked slowly towards ' +
    'silver door under quiet rain memory of a forgotten city glass tower and wind ' +
    'carried smoke across fields where nobody waited for morning bells letters hidden ' +
    'in the attic burned brightly while strangers argued about maps'
  ).split(' '),
  pl: (
    'stary port latarnia szeptała rzeka kamień noc ona on szedł powoli w stronę ' +
    'srebrnych drzwi pod cichym deszczem wspomnienie zapomnianego miasta szklana ' +
    'wieża i wiatr niósł dym przez pola gdzie nikt nie czekał na poranne dzwony listy ' +
    'ukryte na strychu płonęły jasno podczas gdy obcy kłócili się o mapy'
  ).split(' '),
}

const POLISH_HINT = /[ąćęłńóśźż]|\bpolish\b|\bpolsk|\bpo polsku\b|language:\s*pl\b/i

/** Picks Polish when the prompt looks Polish or asks for it, English otherwise. */
export function detectLanguage(text: string): ProseLanguage {
  return POLISH_HINT.test(text) ? 'pl' : 'en'
}

/** A small seeded generator (mulberry32) so auto answers repeat from run to run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Hashes text to a seed (FNV-1a), so the same prompt gives the same prose. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * Writes exactly `wordCount` words as sentences of 6–14 words, each starting with a capital
 * and ending with a full stop, with a paragraph break every few sentences.
 */
export function writeProse(wordCount: number, language: ProseLanguage, seed: number): string {
  const random = createRandom(seed)
  const words = WORDS[language]
  const sentences: string[] = []
  let remaining = Math.max(0, Math.floor(wordCount))

  while (remaining > 0) {
    const length = Math.min(remaining, 6 + Math.floor(random() * 9))
    const picked = Array.from({ length }, () => words[Math.floor(random() * words.length)] ?? 'a')
    const first = picked[0] ?? 'a'
    picked[0] = first.charAt(0).toUpperCase() + first.slice(1)
    sentences.push(`${picked.join(' ')}.`)
    remaining -= length
  }

  return sentences
    .map((sentence, i) => (i > 0 && i % 5 === 0 ? `\n\n${sentence}` : ` ${sentence}`))
    .join('')
    .trim()
}

/** Picks `count` words for short string values (titles, names, labels). */
export function pickWords(count: number, seed: number, language: ProseLanguage = 'en'): string {
  const random = createRandom(seed)
  const words = WORDS[language].filter((word) => word.length > 2)
  const picked = Array.from({ length: count }, () => words[Math.floor(random() * words.length)])
  const text = picked.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Splits text into pieces of about `wordsPerChunk` words, keeping the whitespace intact. */
export function splitIntoChunks(text: string, wordsPerChunk: number): string[] {
  const tokens = text.match(/\S+\s*/g) ?? []
  const chunks: string[] = []
  for (let i = 0; i < tokens.length; i += wordsPerChunk) {
    chunks.push(tokens.slice(i, i + wordsPerChunk).join(''))
  }
  const leading = text.match(/^\s+/)?.[0] ?? ''
  if (leading && chunks[0] !== undefined) chunks[0] = leading + chunks[0]
  return chunks.length > 0 ? chunks : [text]
}
