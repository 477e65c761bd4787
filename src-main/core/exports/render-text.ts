import { labelsFor } from './manuscript'
import type { ExportableNarrative, Manuscript, ManuscriptChapter } from './types'

const SCENE_BREAK = '* * *'
// A line that Markdown would read as an ATX heading, or as the underline that turns the line
// above it into a setext heading. Nothing else a writer types is escaped.
const ATX_HEADING_START = /^#{1,6}(?=\s|$)/
const SETEXT_UNDERLINE = /^(?:=+|-+)$/

/**
 * Renders a manuscript as Markdown: YAML front matter, `# Title`, `## Chapter` headings and the
 * paragraphs as typed, with `* * *` between scenes.
 */
export function renderMarkdown(manuscript: Manuscript, narrative: ExportableNarrative): string {
  const frontMatter = [
    '---',
    `title: ${quoteYaml(manuscript.title)}`,
    ...(manuscript.author ? [`author: ${quoteYaml(manuscript.author)}`] : []),
    `lang: ${manuscript.language}`,
    `genre: ${quoteYaml(narrative.genre)}`,
    `form: ${quoteYaml(narrative.form)}`,
    `created: ${narrative.createdAt.toISOString()}`,
    `updated: ${narrative.updatedAt.toISOString()}`,
    '---',
  ].join('\n')

  const blocks = [frontMatter, `# ${escapeHeadingText(manuscript.title)}`]
  for (const chapter of manuscript.chapters) {
    if (chapter.hasOwnHeading) blocks.push(`## ${escapeHeadingText(chapter.title)}`)
    blocks.push(...renderScenes(chapter, escapeMarkdownParagraph))
  }

  return blocks.join('\n\n') + '\n'
}

/**
 * Renders a manuscript as plain text: the title underlined with `=`, each chapter title
 * underlined with `-` after two blank lines, `* * *` between scenes, LF line endings and a
 * final newline.
 */
export function renderPlainText(manuscript: Manuscript): string {
  const header = [manuscript.title, underline(manuscript.title, '=')]
  if (manuscript.author) header.push(labelsFor(manuscript.language).byAuthor(manuscript.author))

  const sections = [header.join('\n')]
  for (const chapter of manuscript.chapters) {
    const body = renderScenes(chapter, (paragraph) => paragraph)
    const heading = chapter.hasOwnHeading
      ? [`${chapter.title}\n${underline(chapter.title, '-')}`]
      : []
    sections.push([...heading, ...body].join('\n\n'))
  }

  // Two blank lines set chapters apart from the single blank line between paragraphs.
  return sections.filter((section) => section !== '').join('\n\n\n') + '\n'
}

function renderScenes(chapter: ManuscriptChapter, renderParagraph: (text: string) => string) {
  return chapter.scenes.flatMap((scene, index) => [
    ...(index > 0 ? [SCENE_BREAK] : []),
    ...scene.map(renderParagraph),
  ])
}

function escapeMarkdownParagraph(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((line, index) => {
      if (ATX_HEADING_START.test(line)) return `\\${line}`
      if (index > 0 && SETEXT_UNDERLINE.test(line)) return `\\${line}`
      return line
    })
    .join('\n')
}

// A run of `#` at the end of an ATX heading is read as its closing sequence and dropped, and a
// `<` can open an HTML tag that swallows the rest of the heading.
function escapeHeadingText(title: string): string {
  return title.replace(/</g, '\\<').replace(/(#+)$/, '\\$1')
}

function underline(title: string, mark: string): string {
  return mark.repeat(Math.max([...title].length, 3))
}

// A JSON string is a valid YAML double-quoted scalar, so titles with colons or quotes are safe.
function quoteYaml(value: string): string {
  return JSON.stringify(value)
}
