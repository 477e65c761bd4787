/** Prose streamed so far for one job, segment by segment. */
export interface ProseState {
  /** Segment number → text received for it. */
  segments: Readonly<Record<number, string>>
  /** How many characters have arrived, to scroll or announce progress. */
  length: number
}

export const EMPTY_PROSE: ProseState = { segments: {}, length: 0 }

/**
 * Appends one `job.prose` delta to its segment; deltas of a segment arrive in order. With
 * `reset` the delta starts a new take of the segment (a retry, its polish, a rewrite), which
 * replaces what was shown for it.
 */
export function appendProse(
  state: ProseState,
  segment: number,
  delta: string,
  reset = false,
): ProseState {
  if (!delta && !reset) return state
  const previous = state.segments[segment] ?? ''
  const text = reset ? delta : previous + delta
  return {
    segments: { ...state.segments, [segment]: text },
    length: state.length - previous.length + text.length,
  }
}

/** The segments in reading order, whatever order they started streaming in. */
export function proseSegments(state: ProseState): { segment: number; text: string }[] {
  return Object.entries(state.segments)
    .map(([segment, text]) => ({ segment: Number(segment), text }))
    .sort((a, b) => a.segment - b.segment)
}
