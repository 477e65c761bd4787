import type { ModelCallRequest } from '../providers/types'
import type { BriefAnalysis } from './brief-stage'
import type { Cast, Character } from './characters-stage'
import type { PlannedSegment } from './segment-plan-stage'
import type { StoryState } from './story-state'
import type { Structure } from './structure-stage'
import type { World } from './world-stage'

/**
 * Hand-made answers for the fake model, one per structured call of the pipeline. Each is
 * parsed with the request's own schema, so a test fails loudly if a schema and its fake
 * answer drift apart.
 */
export function sampleAnswer(request: ModelCallRequest<unknown>): unknown {
  const structured = request.structured
  if (!structured) throw new Error('sampleAnswer is for structured calls')
  const make = ANSWERS[structured.name]
  if (!make) throw new Error(`No fake answer for ${structured.name}`)
  return structured.schema.parse(make(request.prompt, request))
}

const ANSWERS: Record<string, (prompt: string, request: ModelCallRequest<unknown>) => unknown> = {
  brief_interpretation: (): BriefAnalysis => ({
    logline: 'A keeper shelters a stranger while the war approaches',
    central_question: 'Can kindness survive fear?',
    themes: ['loyalty', 'fear'],
    narrative_focus: 'character',
    tone_notes: 'quiet, wry',
    reader_experience: 'tension and warmth',
    key_elements: {
      characters: ['keeper'],
      places: ['lighthouse'],
      conflicts: ['war'],
      motifs: ['light'],
    },
    fixed_choices: ['first person'],
    open_choices: ['ending'],
  }),
  world: (): World => ({
    name: 'Hel 1939',
    summary: 'A sand spit between two seas',
    time_and_place: 'August 1939, Hel',
    rules: [{ name: 'Curfew', description: 'Lights out at dusk', cost: 'ships run aground' }],
    locations: [{ name: 'Lighthouse', description: 'White tower' }],
    social_order: 'Fishermen and soldiers',
    core_conflict: 'Duty against mercy',
    theme: 'Light in the dark',
    atmosphere: 'Salt and dread',
    sensory_palette: ['salt', 'kerosene'],
  }),
  characters: (prompt): Cast => {
    const count = Number(/Create exactly (\d+) main characters/.exec(prompt)?.[1] ?? 3)
    const names = ['Jan', 'Ewa', 'Obcy', 'Kapitan', 'Zofia', 'Marek', 'Lena', 'Tomasz']
    const characters = Array.from({ length: count }, (_, i) =>
      character(
        names[i % names.length] ?? `Postać ${i}`,
        i === 0 ? 'protagonist' : 'deuteragonist',
      ),
    )
    return { characters, dynamics: 'Mistrust turning into trust' }
  },
  structure: (): Structure => ({
    structure_type: 'three_act',
    reasoning: 'Fits a short story',
    acts: [{ number: 1, name: 'Storm', purpose: 'Setup', share: 1, beats: ['arrival'] }],
    key_beats: [{ name: 'Arrival', position: 0.1, description: 'The stranger comes' }],
    climax: 'Soldiers search the tower',
    resolution: 'The light goes on',
  }),
  segment_plan: (_prompt, request) => {
    for (let count = 1; count <= 25; count++) {
      const answer = { segments: Array.from({ length: count }, (_, i) => planned(i + 1)) }
      if (request.structured?.schema.safeParse(answer).success) return answer
    }
    throw new Error('No segment count fits the plan schema')
  },
  story_state: (prompt): StoryState => {
    const segment = /## Segment (\d+):/.exec(prompt)?.[1] ?? '?'
    return {
      summary: `Summary after segment ${segment}`,
      characters: [{ name: 'Jan', state: `Tired after segment ${segment}` }],
      open_threads: [`Thread from segment ${segment}`],
    }
  },
  coherence_findings: () => ({
    score: 0.9,
    summary: 'Consistent',
    strengths: ['voice'],
    issues: [],
  }),
  editorial_findings: () => ({
    score: 0.86,
    ready_for_publication: true,
    summary: 'Ready',
    strengths: ['pace'],
    issues: [],
  }),
}

function character(name: string, role: Character['role']): Character {
  return {
    name,
    role,
    position: 'keeper',
    appearance: 'weathered',
    want: 'peace',
    need: 'courage',
    wound: 'a lost son',
    contradiction: 'brave and afraid',
    voice: 'terse',
    arc: 'from hiding to acting',
    starting_state: 'alone',
    relationships: [],
  }
}

function planned(number: number): PlannedSegment {
  return {
    number,
    title: `Tytuł ${number}`,
    summary: `Plan of segment ${number}`,
    key_events: [`Event ${number}`],
    characters: ['Jan'],
    location: 'Lighthouse',
    purpose: 'complication',
    target_words: 1_000,
    ending: `Hook ${number}`,
  }
}
