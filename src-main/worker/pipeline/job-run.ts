import type { z } from 'zod'
import type { Stage } from '@shared/contracts/catalog'
import type { Brief } from '@shared/contracts/jobs'
import type { WorkerJob } from '@shared/contracts/worker-protocol'
import { AppError } from '../../core/errors/app-error'
import { takeBilledTokens } from '../providers/billed-tokens'
import { fallbackModelOf, modelRoleOf } from '../providers/default-models'
import type { ModelCallResult, ProviderName, StructuredOutput } from '../providers/types'
import {
  assertWithinBudget,
  estimateTokens,
  priceCall,
  sentChars,
  unpricedModelWarning,
} from './budget'
import { overallProgress } from './progress'
import type { PipelineContext } from './types'

type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Marks the ledger row of a streamed attempt that was cut off (and maybe asked again). */
export const INTERRUPTED_SUFFIX = ':interrupted'
/** Marks the ledger row of structured answers that were billed but could not be used. */
export const REJECTED_SUFFIX = ':rejected'

/** One model call as a stage asks for it; the run adds model, budget, signal and ledger. */
export interface CallSpec<T> {
  /** The stage the cost is booked to. */
  stage: Stage
  /** What the call produces, usually its checkpoint key; it names the ledger row. */
  workKey: string
  /** Whose model to use when it is not the booking stage's (rolling state, rewrites). */
  modelStage?: Stage
  system: string
  prompt: string
  maxTokens: number
  temperature: number
  structured?: StructuredOutput<T>
  /**
   * Streams the answer as the live prose of a segment. A new take of a segment (a draft, a
   * retry, a polish, a rewrite) replaces what the writer sees; a continuation appends to it.
   */
  stream?: { segment: number; append?: boolean }
}

/** The services every stage uses, bound to one job. */
export interface JobRun {
  readonly job: WorkerJob
  readonly brief: Brief
  readonly signal: AbortSignal
  /** Quality warnings gathered on the way (length control, kept originals). */
  readonly warnings: string[]
  now(): number
  /** A checkpoint's data when present and of the expected shape, else undefined. */
  reuse<T>(key: string, schema: z.ZodType<T>): T | undefined
  save(key: string, data: unknown): void
  call<T>(spec: CallSpec<T>): Promise<ModelCallResult<T>>
  /** A structured call's parsed value. */
  ask<T>(spec: CallSpec<T> & { structured: StructuredOutput<T> }): Promise<T>
  stageState(stage: Stage, state: 'started' | 'completed'): void
  progress(stage: Stage, fraction: number, message?: string): void
  log(level: LogLevel, msg: string, data?: Record<string, unknown>): void
  warn(warning: string): void
  throwIfCancelled(): void
}

/** Binds the stage services to a pipeline context; the spend starts from the ledger's total. */
export function createJobRun(ctx: PipelineContext): JobRun {
  const { job, emit, signal } = ctx
  const jobId = job.id
  const checkpoints = new Map(Object.entries(job.checkpoints))
  const warnings: string[] = []
  let spentUsd = job.spentUsd
  let lastProgress = 0

  const bookUsage = (
    spec: CallSpec<unknown>,
    call: Pick<ModelCallResult, 'provider' | 'model' | 'tokensIn' | 'tokensOut' | 'latencyMs'>,
    workKey = spec.workKey,
  ) => {
    const { provider, model, tokensIn, tokensOut } = call
    const costUsd = priceCall(job.prices, provider, model, tokensIn, tokensOut)
    spentUsd += costUsd
    emit({
      type: 'usage',
      jobId,
      usage: {
        stage: spec.stage,
        workKey,
        provider,
        model,
        tokensIn,
        tokensOut,
        costUsd,
        latencyMs: Math.max(0, Math.round(call.latencyMs)),
      },
    })
  }

  const run: JobRun = {
    job,
    brief: job.brief,
    signal,
    warnings,
    now: ctx.now ?? Date.now,
    reuse(key, schema) {
      if (!checkpoints.has(key)) return undefined
      const parsed = schema.safeParse(checkpoints.get(key))
      if (parsed.success) return parsed.data
      run.log('warn', 'checkpoint has an unexpected shape; redoing its work', { key })
      return undefined
    },
    save(key, data) {
      // A resumed stage re-saves its summary; the main process already holds an equal copy.
      const stored = checkpoints.get(key)
      if (stored !== undefined && JSON.stringify(stored) === JSON.stringify(data)) return
      checkpoints.set(key, data)
      emit({ type: 'checkpoint', jobId, key, data })
    },
    async call(spec) {
      run.throwIfCancelled()
      const modelStage = spec.modelStage ?? spec.stage
      const choice = job.stageModels[modelStage]
      const promptChars = spec.system.length + spec.prompt.length
      const planned = {
        promptChars: sentChars(spec),
        maxTokens: spec.maxTokens,
        attempts: spec.structured ? 2 : 1,
      }
      const checkBudget = (target: { provider: ProviderName; model: string }) => {
        const unpriced = unpricedModelWarning(job.prices, target)
        if (unpriced) run.log('warn', unpriced, target)
        assertWithinBudget({ ...target, ...planned }, job.prices, spentUsd, job.budgetUsd)
      }
      checkBudget(choice)

      // Every billed attempt is booked, also one that ends in an error: a stream cut off
      // (estimated from the text that arrived) and structured answers that could not be
      // used (their tokens ride on the error). Before a retry this happens first, so the
      // retry is checked against a budget that already counts them.
      let attempt = { provider: choice.provider, model: choice.model, chars: 0, started: 0 }
      attempt.started = performance.now()
      const bookFailedAttempt = (cause: unknown) => {
        const latencyMs = performance.now() - attempt.started
        const rejected = takeBilledTokens(cause)
        if (rejected) {
          bookUsage(spec, { ...attempt, ...rejected, latencyMs }, spec.workKey + REJECTED_SUFFIX)
        }
        if (attempt.chars > 0) {
          const tokensIn = estimateTokens(promptChars)
          const tokensOut = estimateTokens(attempt.chars)
          const usage = { ...attempt, tokensIn, tokensOut, latencyMs }
          bookUsage(spec, usage, spec.workKey + INTERRUPTED_SUFFIX)
        }
      }
      const stream = spec.stream
      let fresh = !stream?.append
      const onDelta = (delta: string) => {
        attempt.chars += delta.length
        if (!stream) return
        emit({
          type: 'prose',
          jobId,
          segment: stream.segment,
          delta,
          ...(fresh && { reset: true }),
        })
        fresh = false
      }
      const onRestart = (next: { provider: ProviderName; model: string }, cause: unknown) => {
        bookFailedAttempt(cause)
        attempt = { ...next, chars: 0, started: performance.now() }
        // A retried stream starts again from its first word.
        fresh = !stream?.append
        run.log('warn', 'model call restarted', { workKey: spec.workKey, ...next })
        checkBudget(next)
      }

      const result = await ctx.models
        .call({
          provider: choice.provider,
          model: choice.model,
          system: spec.system,
          prompt: spec.prompt,
          maxTokens: spec.maxTokens,
          temperature: spec.temperature,
          structured: spec.structured,
          fallbackModel: fallbackModelOf(job.providers, modelRoleOf(modelStage)),
          onDelta,
          onRestart,
          signal,
        })
        .catch((error: unknown) => {
          bookFailedAttempt(error)
          throw error
        })
      bookUsage(spec, result)
      return result
    },
    async ask(spec) {
      const result = await run.call(spec)
      if (result.value !== undefined) return result.value
      throw new AppError('provider', `The model gave no structured answer for ${spec.workKey}`)
    },
    stageState(stage, state) {
      emit({ type: 'stage', jobId, stage, state })
    },
    progress(stage, fraction, message) {
      // Reused stages and a rewrite pass must not make the bar jump backwards.
      lastProgress = Math.max(lastProgress, overallProgress(stage, fraction))
      emit({ type: 'progress', jobId, stage, progress: lastProgress, message })
    },
    log(level, msg, data) {
      emit({ type: 'log', level, msg, data: { jobId, ...data } })
    },
    warn(warning) {
      warnings.push(warning)
      run.log('warn', warning)
    },
    throwIfCancelled() {
      if (signal.aborted) throw cancelledError()
    },
  }

  return run
}

/** The error a cancelled job stops with; `describeFailure` recognises it by name. */
export function cancelledError(): Error {
  const error = new Error('The job was cancelled')
  error.name = 'AbortError'
  return error
}
