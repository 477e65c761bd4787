import { collapseSpaces } from './manuscript'

/** A stretch of a paragraph read by one voice: a character's speech or the narrator. */
export interface Utterance {
  kind: 'speech' | 'narration'
  text: string
}

// Polish dialogue opens a paragraph with an em or en dash; a spaced dash then switches between
// speech and the narrator's insertion ("— Chodź — powiedziała Anna. — Już czas.").
const DIALOGUE_OPENING = /^[—–]\s*/
const DIALOGUE_SWITCH = /\s+[—–](?:\s+|(?=\p{Ll}))/u
// Polish „…” (closed by ” or, in hurried typing, “ or "), English “…” and "…", and guillemets.
const QUOTED = /„([^”“"]+)[”“"]|“([^”]+)”|"([^"]+)"|«([^»]+)»|»([^«]+)«/g
// A quotation is speech when it opens the paragraph, ends like a spoken sentence or clause,
// follows a lead-in ("said:") or is followed by an attribution („Wracamy” – szepnął); a quoted
// phrase in the middle of narration ("the so-called “cure” failed") is not.
const SPOKEN_ENDING = /[.,!?…—–-]$/
const LEAD_IN_ENDING = /[:,]$/
const ATTRIBUTION_START = /^\s*[—–,]/
const HAS_LETTERS = /\p{L}/u

interface Naming {
  name: string
  form: string
  pattern: RegExp
}

/**
 * Splits a paragraph into speech and narration. Em-dash dialogue and quoted speech are
 * recognised; anything else is one narration utterance.
 */
export function splitUtterances(paragraph: string): Utterance[] {
  const text = collapseSpaces(paragraph)
  const utterances = DIALOGUE_OPENING.test(text) ? splitDashDialogue(text) : splitQuotedSpeech(text)
  return utterances
    .map((utterance) => ({ ...utterance, text: trimJoiningPunctuation(utterance.text) }))
    .filter((utterance) => HAS_LETTERS.test(utterance.text))
}

/**
 * Prepares a lookup of the known character who speaks in a paragraph: the one named first in
 * the narration right after the first speech ("— Chodź — powiedziała Anna."), or else in a
 * lead-in that introduces it ("Anna said, “Come.”"). Names match whole words and case, so an
 * inflected form (Annę, Anny) names someone spoken to, not the speaker, and does not match. A
 * first name alone matches a character known by a full name.
 */
export function createSpeakerFinder(
  characterNames: string[],
): (utterances: Utterance[]) => string | null {
  const namings = characterNames.flatMap((name) =>
    namingForms(name).map((form) => ({ name, form, pattern: toWholeWordPattern(form) })),
  )

  return (utterances) => {
    const firstSpeech = utterances.findIndex((utterance) => utterance.kind === 'speech')
    if (firstSpeech < 0) return null

    const after = utterances[firstSpeech + 1]
    const before = utterances[firstSpeech - 1]
    const attributions = [
      ...(after?.kind === 'narration' ? [after.text] : []),
      ...(before?.kind === 'narration' && LEAD_IN_ENDING.test(before.text) ? [before.text] : []),
    ]

    for (const attribution of attributions) {
      const speaker = findFirstNamed(attribution, namings)
      if (speaker) return speaker
    }
    return null
  }
}

function splitDashDialogue(text: string): Utterance[] {
  return text
    .replace(DIALOGUE_OPENING, '')
    .split(DIALOGUE_SWITCH)
    .map((part, index): Utterance => ({
      kind: index % 2 === 0 ? 'speech' : 'narration',
      text: part.trim(),
    }))
}

function splitQuotedSpeech(text: string): Utterance[] {
  const utterances: Utterance[] = []
  let narration = ''
  let cursor = 0

  for (const match of text.matchAll(QUOTED)) {
    const quoted = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').trim()
    const preceding = narration + text.slice(cursor, match.index)
    cursor = match.index + match[0].length
    const isSpeech =
      match.index === 0 ||
      SPOKEN_ENDING.test(quoted) ||
      LEAD_IN_ENDING.test(preceding.trim()) ||
      ATTRIBUTION_START.test(text.slice(cursor))

    if (!isSpeech) {
      narration = preceding + match[0]
      continue
    }
    if (preceding.trim()) utterances.push({ kind: 'narration', text: preceding.trim() })
    utterances.push({ kind: 'speech', text: quoted })
    narration = ''
  }

  const rest = (narration + text.slice(cursor)).trim()
  if (rest) utterances.push({ kind: 'narration', text: rest })
  return utterances
}

function findFirstNamed(text: string, namings: Naming[]): string | null {
  let best: { name: string; index: number; length: number } | null = null

  for (const { name, form, pattern } of namings) {
    const index = text.search(pattern)
    if (index < 0) continue
    // The earliest name wins; at the same place the longer form ("Anna Kowalska" over "Anna").
    const isBetter =
      !best || index < best.index || (index === best.index && form.length > best.length)
    if (isBetter) best = { name, index, length: form.length }
  }

  return best?.name ?? null
}

// "Anna Kowalska" is usually "Anna" in an attribution; short words ("de", "Jr") are not names.
function namingForms(name: string): string[] {
  const full = collapseSpaces(name)
  const words = full.split(' ').filter((word) => word.length >= 3 && /^\p{Lu}/u.test(word))
  return full ? [full, ...words.filter((word) => word !== full)] : []
}

// The dash or comma that joined a stretch to its neighbour belongs to neither voice.
function trimJoiningPunctuation(text: string): string {
  return text.replace(/^[\s—–,]+|\s+[—–]+$/g, '').trim()
}

function toWholeWordPattern(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u')
}
