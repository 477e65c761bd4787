import { z } from 'zod'
import type { JobRun } from './job-run'
import { runPlanningStep } from './planning-step'
import { briefPrompt } from './prompts/brief.v1'

/** The brief as the development editor reads it: what the story must deliver. */
export const BriefAnalysisSchema = z.object({
  logline: z.string(),
  central_question: z.string(),
  themes: z.array(z.string()),
  narrative_focus: z.enum(['character', 'plot', 'theme', 'world']),
  tone_notes: z.string(),
  reader_experience: z.string(),
  key_elements: z.object({
    characters: z.array(z.string()),
    places: z.array(z.string()),
    conflicts: z.array(z.string()),
    motifs: z.array(z.string()),
  }),
  /** The writer's choices that later stages must not bend. */
  fixed_choices: z.array(z.string()),
  /** What the brief left open, and what this interpretation proposes for it. */
  open_choices: z.array(z.string()),
})
export type BriefAnalysis = z.infer<typeof BriefAnalysisSchema>

/** Stage 1: interprets the writer's brief without inventing the story yet. */
export function interpretBrief(run: JobRun): Promise<BriefAnalysis> {
  return runPlanningStep(run, {
    stage: 'brief',
    template: briefPrompt,
    input: { brief: run.brief },
    name: 'brief_interpretation',
    schema: BriefAnalysisSchema,
    maxTokens: 2_000,
    temperature: 0.3,
  })
}
