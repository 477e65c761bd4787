import type { MessageTree } from '../message-tree'

/** Polish text for names from the shared catalogue: forms, genres, stages, statuses, providers. */
export const catalog = {
  forms: {
    short_story: 'Opowiadanie',
    novella: 'Nowela',
    novel: 'Powieść',
    epic_saga: 'Saga',
  },
  genres: {
    fantasy: 'Fantastyka',
    scifi: 'Science fiction',
    horror: 'Horror',
    thriller: 'Thriller',
    mystery: 'Zagadka kryminalna',
    drama: 'Dramat',
    romance: 'Romans',
    hybrid: 'Hybryda gatunków',
    historical: 'Proza historyczna',
    literary: 'Literatura piękna',
    adventure: 'Przygoda',
    crime: 'Kryminał',
  },
  pov: {
    first_person: 'Pierwszoosobowa',
    third_limited: 'Trzecioosobowa, ograniczona',
    third_omniscient: 'Narrator wszechwiedzący',
    second_person: 'Drugoosobowa',
  },
  tense: {
    past: 'Przeszły',
    present: 'Teraźniejszy',
  },
  languages: {
    pl: 'Polski',
    en: 'Angielski',
  },
  stages: {
    brief: 'Analiza założeń',
    world: 'Budowa świata',
    characters: 'Postacie',
    structure: 'Struktura',
    segment_plan: 'Plan segmentów',
    prose: 'Pisanie',
    stylization: 'Stylizacja',
    coherence: 'Kontrola spójności',
    editorial: 'Redakcja',
    output: 'Wersja końcowa',
  },
  jobStatus: {
    queued: 'W kolejce',
    running: 'W toku',
    completed: 'Ukończone',
    failed: 'Nieudane',
    cancelled: 'Anulowane',
  },
  providers: {
    openai: 'OpenAI',
    anthropic: 'Anthropic',
    local: 'Model lokalny',
  },
} satisfies MessageTree
