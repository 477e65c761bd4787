import { STAGE_VALUES, type Stage } from '@shared/contracts/catalog'
import type { NarrativeResult } from '@shared/contracts/worker-protocol'
import { interpretBrief } from './brief-stage'
import { designCharacters } from './characters-stage'
import { validateCoherence } from './coherence-stage'
import { reviewEditorially } from './editorial-stage'
import { describeFailure } from './failure'
import { createJobRun, type JobRun } from './job-run'
import { assembleNarrative } from './output-stage'
import { writeProse } from './prose-stage'
import { planSegments } from './segment-plan-stage'
import { designStructure } from './structure-stage'
import { stylizeSegments } from './stylization-stage'
import type { PipelineContext, PipelineOutcome } from './types'
import { designWorld } from './world-stage'

/** The stages in the order they run; stylization comes before coherence validation. */
export const PIPELINE_STAGES: readonly Stage[] = STAGE_VALUES

/**
 * Runs one job through the ten stages and reports it through `ctx.emit`: stage and progress
 * events, streamed prose, a usage record per model call, a checkpoint after every stage and
 * every segment, then `result`, or `failed` as soon as any stage fails, the budget would be
 * exceeded or the signal aborts. Work found in `job.checkpoints` is reused without calling a
 * model. It never throws; the outcome repeats what was emitted last.
 *
 * @example
 * const outcome = await runPipeline({ job, models: registry, emit: send, signal })
 */
export async function runPipeline(ctx: PipelineContext): Promise<PipelineOutcome> {
  const run = createJobRun(ctx)
  const jobId = ctx.job.id
  const started = run.now()

  try {
    const narrative = await runStages(run)
    run.log('info', 'job completed', {
      durationMs: run.now() - started,
      words: narrative.wordCount,
    })
    ctx.emit({ type: 'result', jobId, narrative })
    return { status: 'completed', narrative }
  } catch (error) {
    const failure = describeFailure(error, ctx.signal)
    const level = failure.kind === 'cancelled' || failure.kind === 'budget' ? 'info' : 'error'
    run.log(level, 'job stopped', {
      kind: failure.kind,
      message: failure.message,
      err: errorData(error),
    })
    ctx.emit({ type: 'failed', jobId, error: failure })
    return { status: failure.kind === 'cancelled' ? 'cancelled' : 'failed', error: failure }
  }
}

async function runStages(run: JobRun): Promise<NarrativeResult> {
  const analysis = await inStage(run, 'brief', () => interpretBrief(run))
  const world = await inStage(run, 'world', () => designWorld(run, analysis))
  const cast = await inStage(run, 'characters', () => designCharacters(run, analysis, world))
  const structure = await inStage(run, 'structure', () =>
    designStructure(run, analysis, world, cast),
  )
  const plan = await inStage(run, 'segment_plan', () => planSegments(run, world, cast, structure))
  const drafts = await inStage(run, 'prose', () => writeProse(run, world, cast, plan))
  const styled = await inStage(run, 'stylization', () => stylizeSegments(run, drafts))

  const context = { world, cast, plan }
  const coherence = await inStage(run, 'coherence', () => validateCoherence(run, styled, context))
  const edited = await inStage(run, 'editorial', () =>
    reviewEditorially(run, styled, coherence, context),
  )
  return inStage(run, 'output', async () =>
    assembleNarrative(run, {
      world,
      cast,
      structure,
      segments: edited.segments,
      coherence,
      editorial: edited.findings,
      rewrites: edited.rewrites,
    }),
  )
}

/** Wraps a stage in its started/completed events; a throw ends the job, never skips ahead. */
async function inStage<T>(run: JobRun, stage: Stage, work: () => Promise<T>): Promise<T> {
  run.throwIfCancelled()
  run.stageState(stage, 'started')
  const started = run.now()

  const result = await work()
  run.throwIfCancelled()
  run.stageState(stage, 'completed')
  run.progress(stage, 1)
  run.log('debug', 'stage completed', { stage, durationMs: run.now() - started })
  return result
}

function errorData(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) }
  return { name: error.name, message: error.message, stack: error.stack?.slice(0, 2_000) }
}
