/** Prose streamed so far for one job, segment by segment. */
export interface ProseState {
  /** Segment number → text received for it. */
  segments: Readonly<Record<number, string>>
  /** How many characters have arrived, to scroll or announce progress. */
  length: number
}

export const EMPTY_PROSE: ProseState = { segments: {}, length: 0 }

/** Appends one `job.prose` delta to its segment; deltas of a segment arrive in order. */
export function appendProse(state: ProseState, segment: number, delta: string): ProseState {
  if (!delta) return state
  return {
    segments: { ...state.segments, [segment]: (state.segments[segment] ?? '') + delta },
    length: state.length + delta.length,
  }
}

/** The segments in reading order, whatever order they started streaming in. */
export function proseSegments(state: ProseState): { segment: number; text: string }[] {
  return Object.entries(state.segments)
    .map(([segment, text]) => ({ segment: Number(segment), text }))
    .sort((a, b) => a.segment - b.segment)
}
