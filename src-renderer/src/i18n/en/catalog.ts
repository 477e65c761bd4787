import type { MessageTree } from '../message-tree'

/** English text for names from the shared catalogue: forms, genres, stages, statuses, providers. */
export const catalog = {
  forms: {
    short_story: 'Short story',
    novella: 'Novella',
    novel: 'Novel',
    epic_saga: 'Epic saga',
  },
  genres: {
    fantasy: 'Fantasy',
    scifi: 'Science fiction',
    horror: 'Horror',
    thriller: 'Thriller',
    mystery: 'Mystery',
    drama: 'Drama',
    romance: 'Romance',
    hybrid: 'Hybrid',
    historical: 'Historical',
    literary: 'Literary fiction',
    adventure: 'Adventure',
    crime: 'Crime',
  },
  pov: {
    first_person: 'First person',
    third_limited: 'Third person, limited',
    third_omniscient: 'Third person, omniscient',
    second_person: 'Second person',
  },
  tense: {
    past: 'Past',
    present: 'Present',
  },
  languages: {
    pl: 'Polish',
    en: 'English',
  },
  stages: {
    brief: 'Reading the brief',
    world: 'World building',
    characters: 'Characters',
    structure: 'Structure',
    segment_plan: 'Segment plan',
    prose: 'Writing',
    stylization: 'Stylization',
    coherence: 'Coherence check',
    editorial: 'Editorial review',
    output: 'Final output',
  },
  jobStatus: {
    queued: 'Queued',
    running: 'Running',
    completed: 'Completed',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },
  providers: {
    openai: 'OpenAI',
    anthropic: 'Anthropic',
    local: 'Local model',
  },
} satisfies MessageTree
