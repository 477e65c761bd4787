import { z } from 'zod'
import type { BriefAnalysis } from './brief-stage'
import type { Cast } from './characters-stage'
import type { JobRun } from './job-run'
import { runPlanningStep } from './planning-step'
import { structurePrompt } from './prompts/structure.v1'
import type { World } from './world-stage'

export const STRUCTURE_TYPES = [
  'three_act',
  'five_act',
  'heros_journey',
  'kishotenketsu',
  'in_medias_res',
  'nonlinear',
] as const

export const StructureSchema = z.object({
  structure_type: z.enum(STRUCTURE_TYPES),
  reasoning: z.string(),
  acts: z
    .array(
      z.object({
        number: z.number().int().min(1),
        name: z.string(),
        purpose: z.string(),
        /** Share of the whole length, 0–1. */
        share: z.number().min(0).max(1),
        beats: z.array(z.string()),
      }),
    )
    .min(1),
  key_beats: z.array(
    z.object({
      name: z.string(),
      /** Where it falls in the story, 0 (opening) to 1 (last page). */
      position: z.number().min(0).max(1),
      description: z.string(),
    }),
  ),
  climax: z.string(),
  resolution: z.string(),
})
export type Structure = z.infer<typeof StructureSchema>

/** Stage 4: picks the story's shape and lays out its acts and beats. */
export function designStructure(
  run: JobRun,
  analysis: BriefAnalysis,
  world: World,
  cast: Cast,
): Promise<Structure> {
  return runPlanningStep(run, {
    stage: 'structure',
    template: structurePrompt,
    input: { brief: run.brief, analysis, world, cast },
    name: 'structure',
    schema: StructureSchema,
    maxTokens: 3_000,
    temperature: 0.5,
  })
}
