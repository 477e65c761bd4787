import type { Language } from '@shared/contracts/catalog'
import type { ExportableNarrative, Manuscript, ManuscriptChapter } from './types'

interface Labels {
  untitled: string
  chapter: string
  contents: string
  byAuthor: (author: string) => string
}

const LABELS: Record<Language, Labels> = {
  pl: {
    untitled: 'Bez tytułu',
    chapter: 'Rozdział',
    contents: 'Spis treści',
    byAuthor: (author) => `Autor: ${author}`,
  },
  en: {
    untitled: 'Untitled',
    chapter: 'Chapter',
    contents: 'Contents',
    byAuthor: (author) => `by ${author}`,
  },
}

const CHAPTER_HEADING = /^##\s+(.+?)\s*#*\s*$/
const LEADING_HEADING = /^#{1,2}\s+(.+?)\s*#*\s*$/
// `* * *` is what the pipeline writes; `***` and the asterism are how writers type it by hand.
const SCENE_BREAK = /^\s*(?:\*\s*){3,}$|^\s*⁂\s*$/
// Polish typography gives every dialogue turn its own paragraph, even without a blank line.
const DIALOGUE_DASH_LINE = /^\s*[—–]\s/

/** The words the formats print around the writer's text, in the narrative's language. */
export function labelsFor(language: Language): Labels {
  return LABELS[language]
}

/**
 * Parses a narrative into chapters, scenes and paragraphs. Given chapters win over the text;
 * otherwise `## Heading` lines split the text, and a text without headings is one chapter
 * titled with the narrative's title.
 */
export function parseManuscript(narrative: ExportableNarrative): Manuscript {
  const labels = labelsFor(narrative.language)
  const title = collapseSpaces(narrative.title) || labels.untitled
  const author = collapseSpaces(narrative.author ?? '') || null

  const chapters = narrative.chapters?.length
    ? narrative.chapters.map((chapter, index) => ({
        title: collapseSpaces(chapter.title) || `${labels.chapter} ${index + 1}`,
        hasOwnHeading: true,
        scenes: splitScenes(dropRepeatedHeading(normaliseText(chapter.text), chapter.title)),
      }))
    : splitChapters(dropRepeatedHeading(normaliseText(narrative.text), narrative.title), title)

  return { title, author, language: narrative.language, chapters }
}

/** Squeezes runs of whitespace, newlines included, into single spaces. */
export function collapseSpaces(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function normaliseText(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n?|\n/)
    .map((line) => line.trimEnd())
}

// The pipeline sometimes opens a text with its own title as a heading; printed as well as the
// title, it would show twice.
function dropRepeatedHeading(lines: string[], title: string): string[] {
  const first = lines.findIndex((line) => line.trim() !== '')
  const heading = lines[first]?.match(LEADING_HEADING)
  const repeatsTitle = heading && collapseSpaces(heading[1] ?? '') === collapseSpaces(title)
  return repeatsTitle ? lines.slice(first + 1) : lines
}

function splitChapters(lines: string[], title: string): ManuscriptChapter[] {
  const chapters: ManuscriptChapter[] = []
  let current = { title, hasOwnHeading: false, lines: [] as string[] }

  for (const line of lines) {
    const heading = line.match(CHAPTER_HEADING)
    if (!heading) {
      current.lines.push(line)
      continue
    }
    if (current.hasOwnHeading || current.lines.some((kept) => kept.trim() !== '')) {
      chapters.push({ ...current, scenes: splitScenes(current.lines) })
    }
    current = { title: collapseSpaces(heading[1] ?? ''), hasOwnHeading: true, lines: [] }
  }

  chapters.push({ ...current, scenes: splitScenes(current.lines) })
  return chapters.map(({ title, hasOwnHeading, scenes }) => ({ title, hasOwnHeading, scenes }))
}

function splitScenes(lines: string[]): string[][] {
  const scenes: string[][] = [[]]
  let block: string[] = []
  const closeBlock = () => {
    if (block.length) scenes[scenes.length - 1]?.push(...splitDialogueTurns(block))
    block = []
  }

  for (const line of lines) {
    if (SCENE_BREAK.test(line)) {
      closeBlock()
      scenes.push([])
    } else if (line.trim() === '') {
      closeBlock()
    } else {
      block.push(line.trim())
    }
  }

  closeBlock()
  return scenes.filter((scene) => scene.length > 0)
}

function splitDialogueTurns(block: string[]): string[] {
  const paragraphs: string[][] = []
  for (const line of block) {
    const last = paragraphs[paragraphs.length - 1]
    if (!last || DIALOGUE_DASH_LINE.test(line)) paragraphs.push([line])
    else last.push(line)
  }
  return paragraphs.map((lines) => lines.join('\n'))
}
