/** How a scripted answer ends: a natural stop, or cut off at the token limit. */
export type ScriptedFinish = 'stop' | 'length'

interface StepTiming {
  /** Waits this long (real timers: it is the fake network) before answering. */
  delayMs?: number
}

/**
 * One scripted answer. Steps are consumed in order by the generation endpoints
 * (`/v1/chat/completions`, `/v1/messages`); `/v1/models` never consumes them.
 */
export type ModelServerStep =
  | (StepTiming & { type: 'text'; text: string; finish?: ScriptedFinish })
  | (StepTiming & { type: 'json'; value: unknown; finish?: ScriptedFinish })
  | (StepTiming & { type: 'prose'; words: number; finish?: ScriptedFinish })
  | (StepTiming & { type: 'auto'; finish?: ScriptedFinish })
  | (StepTiming & {
      type: 'error'
      status: number
      message?: string
      /** Provider error code, such as `insufficient_quota` or `invalid_api_key`. */
      code?: string
      /** Sent verbatim as `Retry-After` (seconds or an HTTP date). */
      retryAfter?: string
      /** Sent as `retry-after-ms`, which both SDKs understand. */
      retryAfterMs?: number
    })
  | (StepTiming & { type: 'stall'; afterChunks?: number })
  | (StepTiming & { type: 'drop'; afterChunks?: number })

type Options<S> = Omit<S, 'type'>

/**
 * Builders for scripted steps, so tests read as the conversation they script:
 * `server.script(reply.error(429, { retryAfter: '2' }), reply.json({ title: 'Ash' }))`.
 */
export const reply = {
  /** Answers with this text as the message content (also for structured requests). */
  text: (text: string, options: Omit<Options<TextStep>, 'text'> = {}): ModelServerStep => ({
    type: 'text',
    text,
    ...options,
  }),
  /** Answers with JSON: message content for OpenAI, the forced tool's input for Anthropic. */
  json: (value: unknown, options: Omit<Options<JsonStep>, 'value'> = {}): ModelServerStep => ({
    type: 'json',
    value,
    ...options,
  }),
  /** Answers with generated prose of exactly `words` words. */
  prose: (words: number, options: Omit<Options<ProseStep>, 'words'> = {}): ModelServerStep => ({
    type: 'prose',
    words,
    ...options,
  }),
  /** Answers as auto mode would; useful to put a delay in front of a normal answer. */
  auto: (options: Options<AutoStep> = {}): ModelServerStep => ({ type: 'auto', ...options }),
  /** Fails with `status` and a body in the calling provider's error format. */
  error: (status: number, options: Omit<Options<ErrorStep>, 'status'> = {}): ModelServerStep => ({
    type: 'error',
    status,
    ...options,
  }),
  /** Waits `ms` before giving `then` (auto mode by default). */
  delay: (ms: number, then: ModelServerStep = { type: 'auto' }): ModelServerStep => ({
    ...then,
    delayMs: ms,
  }),
  /** Cut off at the token limit: `finish_reason: 'length'`, `stop_reason: 'max_tokens'`. */
  truncated: (text?: string): ModelServerStep =>
    text === undefined
      ? { type: 'auto', finish: 'length' }
      : { type: 'text', text, finish: 'length' },
  /** Starts answering, then goes silent after `afterChunks` chunks until the client gives up. */
  stall: (options: Options<StallStep> = {}): ModelServerStep => ({ type: 'stall', ...options }),
  /** Starts answering, then destroys the socket after `afterChunks` chunks. */
  drop: (options: Options<DropStep> = {}): ModelServerStep => ({ type: 'drop', ...options }),
}

type TextStep = Extract<ModelServerStep, { type: 'text' }>
type JsonStep = Extract<ModelServerStep, { type: 'json' }>
type ProseStep = Extract<ModelServerStep, { type: 'prose' }>
type AutoStep = Extract<ModelServerStep, { type: 'auto' }>
type ErrorStep = Extract<ModelServerStep, { type: 'error' }>
type StallStep = Extract<ModelServerStep, { type: 'stall' }>
type DropStep = Extract<ModelServerStep, { type: 'drop' }>
