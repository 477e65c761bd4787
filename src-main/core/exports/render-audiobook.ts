import { createSpeakerFinder, splitUtterances, type Utterance } from './audiobook-dialogue'
import { collapseSpaces } from './manuscript'
import type { Manuscript, ManuscriptChapter } from './types'

type SpeakerFinder = ReturnType<typeof createSpeakerFinder>

/**
 * Renders a manuscript as a narration script for a voice actor or a text-to-speech pipeline.
 *
 * Markers, one per line: `[TITLE: …]`, `[AUTHOR: …]` and `[LANGUAGE: …]` in the header;
 * `[CHAPTER: …]` followed by `[PAUSE: long]` at each chapter; `[NARRATOR] …` for narration;
 * `[CHARACTER: Name] …` for speech whose speaker is named in its attribution, `[DIALOGUE] …`
 * for other speech; `[PAUSE: short]` between paragraphs and `[PAUSE: medium]` at scene breaks.
 *
 * @example
 * // "— Chodź — powiedziała Anna." with the character Anna becomes
 * // [CHARACTER: Anna] Chodź
 * // [NARRATOR] powiedziała Anna.
 */
export function renderAudiobookScript(
  manuscript: Manuscript,
  characters: { name: string }[],
): string {
  const findSpeaker = createSpeakerFinder(
    characters.map((character) => collapseSpaces(character.name)).filter(Boolean),
  )

  const header = [`[TITLE: ${toMarkerValue(manuscript.title)}]`]
  if (manuscript.author) header.push(`[AUTHOR: ${toMarkerValue(manuscript.author)}]`)
  header.push(`[LANGUAGE: ${manuscript.language}]`)

  const chapters = manuscript.chapters.map((chapter) => renderChapter(chapter, findSpeaker))
  return [header.join('\n'), ...chapters].join('\n\n') + '\n'
}

function renderChapter(chapter: ManuscriptChapter, findSpeaker: SpeakerFinder): string {
  const lines = [`[CHAPTER: ${toMarkerValue(chapter.title)}]`, '[PAUSE: long]']

  chapter.scenes.forEach((scene, sceneIndex) => {
    if (sceneIndex > 0) lines.push('[PAUSE: medium]')
    scene.forEach((paragraph, index) => {
      if (index > 0) lines.push('[PAUSE: short]')
      lines.push(...renderParagraph(paragraph, findSpeaker))
    })
  })

  return lines.join('\n')
}

function renderParagraph(paragraph: string, findSpeaker: SpeakerFinder): string[] {
  const utterances = splitUtterances(paragraph)
  const speaker = findSpeaker(utterances)
  return utterances.map((utterance) => `${voiceMarker(utterance, speaker)} ${utterance.text}`)
}

function voiceMarker(utterance: Utterance, speaker: string | null): string {
  if (utterance.kind === 'narration') return '[NARRATOR]'
  return speaker ? `[CHARACTER: ${toMarkerValue(speaker)}]` : '[DIALOGUE]'
}

// Brackets inside a marker's value would end the marker early for whatever parses the script.
function toMarkerValue(value: string): string {
  return collapseSpaces(value.replace(/[[\]]/g, ''))
}
