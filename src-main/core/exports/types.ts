import type { Language } from '@shared/contracts/catalog'

/**
 * A finished narrative as the exporters see it. The exporters are pure: they read only this
 * object, so the same narrative always yields the same document, whoever asks for it.
 */
export interface ExportableNarrative {
  id: string
  title: string
  language: Language
  genre: string
  form: string
  author?: string | null
  /**
   * Paragraphs separated by blank lines. A line `## Title` starts a chapter and a line `* * *`
   * marks a scene break.
   */
  text: string
  createdAt: Date
  updatedAt: Date
  /** When present and not empty, these are the chapters and `text` is not split. */
  chapters?: { title: string; text: string }[]
  /** Known character names; the audiobook script uses them to tell who is speaking. */
  characters?: { name: string }[]
}

/** The formats a narrative can be exported to. */
export type ExportFormat = 'md' | 'txt' | 'docx' | 'epub' | 'audiobook'

/** One file ready to be saved or sent: its suggested name, its MIME type and its bytes. */
export interface ExportedFile {
  fileName: string
  contentType: string
  body: Uint8Array
}

/**
 * A narrative parsed once into the structure every format renders: chapters made of scenes,
 * scenes made of paragraphs. Paragraphs keep the line breaks the writer typed inside them.
 */
export interface Manuscript {
  title: string
  author: string | null
  language: Language
  chapters: ManuscriptChapter[]
}

export interface ManuscriptChapter {
  title: string
  /**
   * False for the single chapter made up when the text has no headings: it is titled with the
   * narrative's title, so formats that already print that title skip the repeat.
   */
  hasOwnHeading: boolean
  scenes: string[][]
}
