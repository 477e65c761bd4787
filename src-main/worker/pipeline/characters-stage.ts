import { z } from 'zod'
import type { BriefAnalysis } from './brief-stage'
import type { JobRun } from './job-run'
import { runPlanningStep } from './planning-step'
import { charactersPrompt } from './prompts/characters.v1'
import type { World } from './world-stage'

export const CHARACTER_ROLES = [
  'protagonist',
  'antagonist',
  'deuteragonist',
  'supporting',
  'catalyst',
] as const

export const CharacterSchema = z.object({
  name: z.string(),
  role: z.enum(CHARACTER_ROLES),
  /** Age, occupation, place in society. */
  position: z.string(),
  appearance: z.string(),
  want: z.string(),
  need: z.string(),
  wound: z.string(),
  contradiction: z.string(),
  voice: z.string(),
  arc: z.string(),
  starting_state: z.string(),
  relationships: z.array(z.object({ with: z.string(), nature: z.string() })),
})
export type Character = z.infer<typeof CharacterSchema>

export const CastSchema = z.object({
  characters: z.array(CharacterSchema).min(1),
  dynamics: z.string(),
})
export type Cast = z.infer<typeof CastSchema>

/** Supporting characters the designer may add beside the writer's main cast. */
const MAX_SUPPORTING = 3

/** Stage 3: builds the cast, with as many main characters as the brief asks for. */
export async function designCharacters(
  run: JobRun,
  analysis: BriefAnalysis,
  world: World,
): Promise<Cast> {
  const wanted = run.brief.main_characters
  const cast = await runPlanningStep(run, {
    stage: 'characters',
    template: charactersPrompt,
    input: { brief: run.brief, analysis, world, maxSupporting: MAX_SUPPORTING },
    name: 'characters',
    schema: CastSchema,
    maxTokens: 1_000 + 700 * (wanted + MAX_SUPPORTING),
    temperature: 0.8,
  })

  // A count the model got wrong is worth a note, not a failed job.
  const main = cast.characters.filter((c) => c.role !== 'supporting').length
  if (main !== wanted) {
    run.warn(`The brief asks for ${wanted} main characters; the cast has ${main}`)
  }
  return cast
}
