import type { BriefDraft, BriefField } from './brief-draft'

/** What each section of the brief form gets from the screen that owns the draft. */
export interface BriefSectionProps {
  draft: BriefDraft
  change<F extends BriefField>(field: F, value: BriefDraft[F]): void
  /** Marks a field as visited, so its problems show from then on. */
  touch(field: BriefField): void
  /** The message to show under a field, if any. */
  errorOf(field: BriefField): string | undefined
}
