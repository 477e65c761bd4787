import { z } from 'zod'
import type { BriefAnalysis } from './brief-stage'
import type { JobRun } from './job-run'
import { runPlanningStep } from './planning-step'
import { worldPrompt } from './prompts/world.v1'

/** The world as a set of working rules that put pressure on the characters. */
export const WorldSchema = z.object({
  name: z.string(),
  summary: z.string(),
  time_and_place: z.string(),
  rules: z.array(z.object({ name: z.string(), description: z.string(), cost: z.string() })),
  locations: z.array(z.object({ name: z.string(), description: z.string() })),
  social_order: z.string(),
  core_conflict: z.string(),
  theme: z.string(),
  atmosphere: z.string(),
  sensory_palette: z.array(z.string()),
})
export type World = z.infer<typeof WorldSchema>

/** Stage 2: designs the world the brief implies. */
export function designWorld(run: JobRun, analysis: BriefAnalysis): Promise<World> {
  return runPlanningStep(run, {
    stage: 'world',
    template: worldPrompt,
    input: { brief: run.brief, analysis },
    name: 'world',
    schema: WorldSchema,
    maxTokens: 3_000,
    temperature: 0.8,
  })
}
