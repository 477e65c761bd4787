import { STAGE_VALUES, type Stage } from '@shared/contracts/catalog'
import { BriefSchema, type BriefInput } from '@shared/contracts/jobs'
import { DEFAULT_PRICE_TABLE } from '@shared/contracts/pricing'
import {
  FromWorkerSchema,
  type FromWorker,
  type WorkerJob,
} from '@shared/contracts/worker-protocol'
import type { FinishReason, ModelCallRequest, ModelCallResult } from '../providers/types'
import { sampleAnswer } from './pipeline-test-answers'
import { proseContinuePrompt } from './prompts/prose-continue.v1'
import { prosePrompt } from './prompts/prose.v1'
import { rewritePrompt } from './prompts/rewrite.v1'
import { stylizationPrompt } from './prompts/stylization.v1'
import { runPipeline } from './run-pipeline'
import type { PipelineOutcome } from './types'

/** What a call was for: a structured answer's name, or which prose prompt asked. */
export type CallKind = string

/** A scripted answer; `value` for structured calls, `text` for prose. */
export interface FakeAnswer {
  value?: unknown
  text?: string
  words?: number
  finish?: FinishReason
  /** Throws instead of answering. */
  error?: unknown
  /** Never answers; rejects when the call's signal aborts. */
  hang?: boolean
}

export interface RecordedCall {
  kind: CallKind
  request: ModelCallRequest<unknown>
}

/**
 * A scripted stand-in for the provider registry. Each call is recorded; scripted answers
 * are taken per kind in order, and when none is left a schema-valid answer is made up
 * (prose of the length the call allows, structured values built by hand).
 */
export function createFakeModels(script: Record<CallKind, FakeAnswer[]> = {}) {
  const calls: RecordedCall[] = []
  const onCall: ((call: RecordedCall) => void)[] = []

  const call = async <T>(request: ModelCallRequest<T>): Promise<ModelCallResult<T>> => {
    const kind = kindOf(request as ModelCallRequest<unknown>)
    const recorded = { kind, request: request as ModelCallRequest<unknown> }
    calls.push(recorded)
    onCall.forEach((listener) => listener(recorded))
    if (request.signal?.aborted) throw abortError()

    const answer = script[kind]?.shift() ?? {}
    if (answer.hang) await waitForAbort(request.signal)
    if (answer.error) throw answer.error

    const value = request.structured
      ? ((answer.value ?? sampleAnswer(request as ModelCallRequest<unknown>)) as T)
      : undefined
    const text = value !== undefined ? JSON.stringify(value) : proseOf(kind, request, answer)
    if (!request.structured) request.onDelta?.(text)
    return {
      provider: request.provider,
      model: request.model,
      text,
      value,
      tokensIn: Math.ceil((request.system.length + request.prompt.length) / 4),
      tokensOut: Math.max(1, text.split(/\s+/).length * 2),
      finishReason: answer.finish ?? 'stop',
      latencyMs: 5,
    }
  }

  return {
    call,
    calls,
    /** Runs `listener` as each call arrives, before it is answered. */
    onCall: (listener: (call: RecordedCall) => void) => void onCall.push(listener),
    kinds: () => calls.map((c) => c.kind),
    ofKind: (kind: CallKind) => calls.filter((c) => c.kind === kind),
  }
}
export type FakeModels = ReturnType<typeof createFakeModels>

/** A job for a short story with every brief field set to something a prompt can be searched for. */
export function makeJob(brief: Partial<BriefInput> = {}, job: Partial<WorkerJob> = {}): WorkerJob {
  const analysis = { provider: 'openai' as const, model: 'gpt-4o-mini' }
  const prose = { provider: 'openai' as const, model: 'gpt-4o' }
  const stageModels = Object.fromEntries(
    STAGE_VALUES.map((s) => [s, s === 'prose' || s === 'stylization' ? prose : analysis]),
  ) as Record<Stage, typeof analysis>
  return {
    id: 'job-1',
    brief: BriefSchema.parse({
      title: 'Latarnik z Helu',
      form: 'short_story',
      genre: 'drama',
      premise: 'A lighthouse keeper hides a stranger during the last storm of summer 1939',
      target_words: 3_000,
      tone: 'melancholic with dry humour',
      pov: 'first_person',
      tense: 'present',
      language: 'pl',
      setting: 'The Hel peninsula on the eve of war',
      style_instructions: 'Short sentences; no adverbs ending in -nie',
      main_characters: 4,
      ...brief,
    }),
    budgetUsd: 50,
    spentUsd: 0,
    checkpoints: {},
    stageModels,
    prices: DEFAULT_PRICE_TABLE,
    providers: {},
    ...job,
  }
}

/** Runs the pipeline against `models`, checking every message against the protocol. */
export async function runJob(
  job: WorkerJob,
  models: FakeModels,
  signal: AbortSignal = new AbortController().signal,
): Promise<{ outcome: PipelineOutcome; messages: FromWorker[] }> {
  const messages: FromWorker[] = []
  const emit = (message: FromWorker) => void messages.push(FromWorkerSchema.parse(message))
  const outcome = await runPipeline({ job, models, emit, signal })
  return { outcome, messages }
}

/** The checkpoints a run emitted, as the main process would hand them back on resume. */
export function checkpointsOf(messages: FromWorker[]): Record<string, unknown> {
  const saved: Record<string, unknown> = {}
  for (const m of messages) if (m.type === 'checkpoint') saved[m.key] = m.data
  return saved
}

/** Messages of one type, typed. */
export function messagesOf<T extends FromWorker['type']>(
  messages: FromWorker[],
  type: T,
): Extract<FromWorker, { type: T }>[] {
  return messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type)
}

/** Prose of `count` words in short Polish sentences, tagged so tests can find it again. */
export function proseWords(count: number, tag = 'fala'): string {
  const words = Array.from({ length: count }, (_, i) => (i % 8 === 7 ? `${tag}.` : tag))
  return words.join(' ').replace(/[^.]$/, (c) => `${c}.`)
}

function kindOf(request: ModelCallRequest<unknown>): CallKind {
  if (request.structured) return request.structured.name
  const language = request.system.includes('Write in Polish') ? 'pl' : 'en'
  const prompts = {
    prose: prosePrompt,
    continue: proseContinuePrompt,
    stylization: stylizationPrompt,
    rewrite: rewritePrompt,
  }
  for (const [kind, prompt] of Object.entries(prompts)) {
    if (prompt.system(language) === request.system) return kind
  }
  return 'unknown'
}

/**
 * Prose as long as the call's token limit allows, unless the script says otherwise. Its
 * words name the call kind and the segment (`prose2`, `stylization2`), so a test can tell
 * which call's text ended up where.
 */
function proseOf(kind: CallKind, request: ModelCallRequest<unknown>, answer: FakeAnswer): string {
  if (answer.text !== undefined) return answer.text
  const words = answer.words ?? Math.max(1, Math.floor((request.maxTokens - 400) / 2))
  const match = /Plan of segment (\d+)|Passage from "Tytuł (\d+)"/.exec(request.prompt)
  const segment = match?.[1] ?? match?.[2] ?? ''
  return proseWords(words, `${kind}${segment}`)
}

function waitForAbort(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(abortError()), { once: true })
  })
}

function abortError(): Error {
  const error = new Error('The model call was cancelled')
  error.name = 'AbortError'
  return error
}
