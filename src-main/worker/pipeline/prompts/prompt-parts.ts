import { FORMS, type Language } from '@shared/contracts/catalog'
import type { Brief } from '@shared/contracts/jobs'

/** Pieces of prompt text several templates share, so the brief reads the same everywhere. */

const FORM_LABELS: Record<Brief['form'], string> = {
  short_story: 'short story',
  novella: 'novella',
  novel: 'novel',
  epic_saga: 'epic saga (a multi-volume novel)',
}

const GENRE_LABELS: Record<Brief['genre'], string> = {
  fantasy: 'fantasy',
  scifi: 'science fiction',
  horror: 'horror',
  thriller: 'thriller',
  mystery: 'mystery',
  drama: 'drama',
  romance: 'romance',
  hybrid: 'a blend of genres',
  historical: 'historical fiction',
  literary: 'literary fiction',
  adventure: 'adventure',
  crime: 'crime',
}

const POV_LABELS: Record<Brief['pov'], string> = {
  first_person: 'first person: the narrator is a character and says "I"',
  third_limited:
    'third person limited: stay inside one viewpoint character at a time, ' +
    'knowing only what they know',
  third_omniscient: 'third person omniscient: a narrator who may enter any mind and see any place',
  second_person: 'second person: the reader is addressed as "you"',
}

const TENSE_LABELS: Record<Brief['tense'], string> = {
  past: 'past tense',
  present: 'present tense',
}

export const LANGUAGE_NAMES: Record<Language, string> = { pl: 'Polish', en: 'English' }

/** Tells a planning stage which language its free-text values are in. */
export function planningLanguage(language: Language): string {
  const name = LANGUAGE_NAMES[language]
  const polish =
    language === 'pl'
      ? ' Use correct Polish with all diacritics (ą, ć, ę, ł, ń, ó, ś, ź, ż); names may be Polish' +
        ' or suit the setting.'
      : ''
  return (
    `Write every free-text value in ${name}.${polish} Keep JSON keys and enumerated values ` +
    'exactly as the schema spells them.'
  )
}

/** Tells a writing stage which language its prose is in, and the craft rules of that language. */
export function proseLanguage(language: Language): string {
  if (language === 'en') {
    return 'Write in natural, idiomatic English prose with standard punctuation and quotation marks.'
  }
  return (
    'Write in Polish: correct, natural literary Polish with every diacritic (ą, ć, ę, ł, ń, ó, ś, ' +
    'ź, ż), Polish punctuation, and dialogue set off with em dashes (—) as Polish books do. ' +
    'Avoid calques and anglicisms where a native word exists.'
  )
}

/** Every field of the brief, labelled; unset fields say that the choice is open. */
export function describeBrief(brief: Brief): string {
  const open = 'not specified; choose what serves the premise'
  const range = FORMS[brief.form]
  return [
    `Title: ${brief.title}`,
    `Form: ${FORM_LABELS[brief.form]} (this form runs ${range.minWords}–${range.maxWords} words)`,
    `Target length: ${brief.target_words} words`,
    `Genre: ${GENRE_LABELS[brief.genre]}`,
    `Premise: ${brief.premise}`,
    `Tone: ${brief.tone || open}`,
    `Point of view: ${POV_LABELS[brief.pov]}`,
    `Tense: ${TENSE_LABELS[brief.tense]}`,
    `Language of the finished text: ${LANGUAGE_NAMES[brief.language]}`,
    `Setting: ${brief.setting || open}`,
    `Style instructions from the writer: ${brief.style_instructions || 'none given'}`,
    `Number of main characters: ${brief.main_characters}`,
  ].join('\n')
}

/** The parts of the brief that govern how sentences are written. */
export function describeVoice(brief: Brief): string {
  return [
    `Title: ${brief.title}`,
    `Form and genre: ${FORM_LABELS[brief.form]}, ${GENRE_LABELS[brief.genre]}`,
    `Tone: ${brief.tone || 'follow the premise and the genre'}`,
    `Point of view: ${POV_LABELS[brief.pov]}`,
    `Tense: ${TENSE_LABELS[brief.tense]}`,
    `Setting: ${brief.setting || 'as established in the world notes'}`,
    `Style instructions from the writer: ${brief.style_instructions || 'none given'}`,
  ].join('\n')
}

/** A labelled block of context; empty blocks are left out of the prompt. */
export function section(label: string, body: string): string {
  return body.trim() === '' ? '' : `## ${label}\n${body.trim()}`
}

/** Joins prompt sections with blank lines, skipping empty ones. */
export function joinSections(...sections: string[]): string {
  return sections.filter((s) => s !== '').join('\n\n')
}

/** JSON for prompts: compact enough to save tokens, still readable by the model. */
export function asJson(value: unknown): string {
  return JSON.stringify(value, null, 1)
}
