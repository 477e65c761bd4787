/**
 * Where a segment's text came from, which decides what may be added to it:
 * - `live`: a take followed from its first delta (the one with `reset`), so it is whole;
 * - `tail`: deltas caught mid-take (the page opened, or the stream dropped, after it began);
 * - `saved`: the server's checkpoint of a finished take.
 */
export type ProseSource = 'live' | 'tail' | 'saved'

/** Prose of one job, segment by segment: saved takes from the server plus live deltas. */
export interface ProseState {
  /** Segment number → text shown for it. */
  segments: Readonly<Record<number, string>>
  sources: Readonly<Record<number, ProseSource>>
  /** How many characters are shown, to scroll or announce progress. */
  length: number
  /** Whether the server's saved prose has been merged in since the page first needed it. */
  seeded: boolean
}

export const EMPTY_PROSE: ProseState = { segments: {}, sources: {}, length: 0, seeded: false }

/**
 * Applies one `job.prose` delta; deltas of a take arrive in order and the first one carries
 * `reset`, which replaces what was shown for the segment (a retry, its polish, a rewrite).
 * A delta without `reset` on a saved segment is dropped: it continues a take whose start was
 * missed, and gluing it to the saved text would splice two takes together.
 */
export function appendProse(
  state: ProseState,
  segment: number,
  delta: string,
  reset = false,
): ProseState {
  if (!delta && !reset) return state
  const source = state.sources[segment]
  if (reset) return withSegment(state, segment, delta, 'live')
  if (source === 'saved') return state
  if (source === undefined) return withSegment(state, segment, delta, 'tail')
  return withSegment(state, segment, (state.segments[segment] ?? '') + delta, source)
}

/**
 * Merges the server's saved prose into what the stream delivered. A take followed whole is
 * at least as new as any checkpoint, so it stays; everything else gives way to the saved text.
 * Segments the server has not saved yet (the one being written) keep their streamed text.
 */
export function mergeSavedProse(
  state: ProseState,
  saved: readonly { segment: number; text: string }[],
): ProseState {
  let next: ProseState = { ...state, seeded: true }
  for (const { segment, text } of saved) {
    if (next.sources[segment] === 'live') continue
    next = withSegment(next, segment, text, 'saved')
  }
  return next
}

/**
 * After a gap in the stream no take can be trusted to be whole: deltas, even a `reset`, may
 * have been missed. The next merge then prefers the server's copy for every saved segment.
 */
export function distrustLiveProse(state: ProseState): ProseState {
  const sources: Record<number, ProseSource> = {}
  for (const [segment, source] of Object.entries(state.sources)) {
    sources[Number(segment)] = source === 'live' ? 'tail' : source
  }
  return { ...state, sources, seeded: false }
}

/** The segments in reading order, whatever order they started streaming in. */
export function proseSegments(state: ProseState): { segment: number; text: string }[] {
  return Object.entries(state.segments)
    .map(([segment, text]) => ({ segment: Number(segment), text }))
    .sort((a, b) => a.segment - b.segment)
}

function withSegment(
  state: ProseState,
  segment: number,
  text: string,
  source: ProseSource,
): ProseState {
  const previous = state.segments[segment] ?? ''
  return {
    ...state,
    segments: { ...state.segments, [segment]: text },
    sources: { ...state.sources, [segment]: source },
    length: state.length - previous.length + text.length,
  }
}
