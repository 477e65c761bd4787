import type { z } from 'zod'
import type { Stage } from '@shared/contracts/catalog'
import { checkpointKeys } from './checkpoint-keys'
import type { JobRun } from './job-run'
import type { PromptTemplate } from './prompts/prompt-template'

export interface PlanningStepOptions<Input, Output> {
  stage: Stage
  /** Defaults to the stage's own checkpoint, `stage:<stage>`. */
  key?: string
  template: PromptTemplate<Input>
  input: Input
  /** Names the answer for the provider (json_schema name, tool name). */
  name: string
  schema: z.ZodType<Output>
  maxTokens: number
  temperature: number
}

/**
 * One structured call whose answer is checkpointed: reused without a call when the job
 * already holds it, else asked for, saved, and returned.
 */
export async function runPlanningStep<Input, Output>(
  run: JobRun,
  options: PlanningStepOptions<Input, Output>,
): Promise<Output> {
  const key = options.key ?? checkpointKeys.stage(options.stage)
  const reused = run.reuse(key, options.schema)
  if (reused !== undefined) {
    run.log('info', 'reused checkpoint', { key })
    return reused
  }

  const value = await run.ask({
    stage: options.stage,
    workKey: key,
    system: options.template.system(run.brief.language),
    prompt: options.template.user(options.input),
    maxTokens: options.maxTokens,
    temperature: options.temperature,
    structured: { name: options.name, schema: options.schema },
  })
  run.save(key, value)
  return value
}
