import type { Brief } from '@shared/contracts/jobs'
import type { Cast } from '../characters-stage'
import type { PlannedSegment } from '../segment-plan-stage'
import type { StoryState } from '../story-state'
import type { World } from '../world-stage'
import { asJson, describeVoice, joinSections, proseLanguage, section } from './prompt-parts'
import type { PromptTemplate } from './prompt-template'

export interface ProsePromptInput {
  brief: Brief
  world: World
  cast: Cast
  segment: PlannedSegment
  next: PlannedSegment | undefined
  count: number
  state: StoryState
  /** The last words of the previous segment; empty for the first. */
  previousEnd: string
  /** Set when an earlier draft of this segment came out far too short. */
  shortfall?: { words: number; target: number }
}

/** Stage 6: one segment of the story, written from the rolling story state. */
export const prosePrompt: PromptTemplate<ProsePromptInput> = {
  id: 'prose',
  version: 1,
  system: (language) =>
    [
      'You are a novelist writing one segment of a longer work. Write only the text of the ' +
        'story: no title, heading, segment number, notes or summary.',
      'Make the reader live the scene: action, dialogue and concrete detail of more than one ' +
        'sense, with feelings shown through what people do and say rather than named. Keep ' +
        'the point of view and the tense exactly as the brief sets them. Vary sentence ' +
        'length; prefer precise nouns and strong verbs to stacked adjectives; avoid stock ' +
        'phrases and repeated images.',
      'Pick up exactly where the previous segment stopped, without retelling it. Stay true to ' +
        'the continuity notes: what characters know, where they are, what they carry. Write ' +
        "this segment's events and no further: the next segment's plan is there so you can " +
        'lead into it, not to write it.',
      proseLanguage(language),
    ].join('\n\n'),
  user: (input) => {
    const { brief, segment, next, count, state, previousEnd, shortfall } = input
    const isLast = segment.number === count
    return joinSections(
      section('The work', describeVoice(brief)),
      section('World', describeWorld(input.world)),
      section('Characters in this segment', describeCast(input.cast, segment, state)),
      section('Story so far', state.summary || 'Nothing yet: this segment opens the story.'),
      section('Open threads', state.open_threads.map((t) => `- ${t}`).join('\n')),
      section('End of the previous segment', previousEnd),
      section(`Plan of segment ${segment.number} of ${count}`, asJson(segment)),
      section(
        'What comes next',
        next ? `${next.title}: ${next.summary}` : 'Nothing: this is the last segment.',
      ),
      [
        `Write segment ${segment.number} now, about ${segment.target_words} words.`,
        isLast ? 'It is the final segment: bring the story to its resolution.' : '',
        shortfall
          ? `An earlier draft ran only ${shortfall.words} words against the ${shortfall.target} ` +
            'needed: develop the planned events fully in scenes with dialogue and detail, ' +
            'and do not stop before reaching the length.'
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    )
  },
}

function describeWorld(world: World): string {
  return [
    `${world.name}: ${world.summary}`,
    `Time and place: ${world.time_and_place}`,
    `Rules: ${world.rules.map((r) => `${r.name} (${r.description})`).join('; ')}`,
    `Atmosphere: ${world.atmosphere}`,
    `Sensory palette: ${world.sensory_palette.join(', ')}`,
  ].join('\n')
}

/** Full profiles for the characters on stage, current states for everyone known. */
function describeCast(cast: Cast, segment: PlannedSegment, state: StoryState): string {
  const onStage = new Set(segment.characters.map((name) => name.toLowerCase()))
  const present = cast.characters.filter((c) =>
    [...onStage].some(
      (name) => name.includes(c.name.toLowerCase()) || c.name.toLowerCase().includes(name),
    ),
  )
  const profiles = present.map(
    (c) =>
      `- ${c.name} (${c.role}). ${c.position}. ${c.appearance}. Wants: ${c.want}. ` +
      `Needs: ${c.need}. Wound: ${c.wound}. Contradiction: ${c.contradiction}. Voice: ${c.voice}.`,
  )
  const states = state.characters.map((c) => `- ${c.name}: ${c.state}`)
  return joinSections(profiles.join('\n'), section('Where everyone stands now', states.join('\n')))
}
