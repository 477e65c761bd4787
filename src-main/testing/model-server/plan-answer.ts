import { detectLanguage, hashText, splitIntoChunks, writeProse } from './prose'
import { sampleFromSchema, type JsonSchema } from './schema-sample'
import type { ModelServerStep, ScriptedFinish } from './steps'

export type WireApi = 'openai' | 'anthropic'

/** The parts of an OpenAI or Anthropic generation request the server acts on. */
export interface GenerationRequest {
  api: WireApi
  model: string
  stream: boolean
  includeUsage: boolean
  maxTokens: number
  /** System and message text joined, for token estimates and language detection. */
  promptText: string
  /** The JSON schema the answer must follow, when the request is structured. */
  schema?: JsonSchema
  /** The tool Anthropic was forced to call; its input carries the structured answer. */
  toolName?: string
}

export interface PlannedAnswer {
  text: string
  /** Set when the answer is an Anthropic `tool_use` block. */
  toolInput?: unknown
  finish: ScriptedFinish
  tokensIn: number
  tokensOut: number
  chunks: string[]
}

export type AnswerPlan =
  | {
      kind: 'answer'
      answer: PlannedAnswer
      delayMs: number
      interrupt?: { mode: 'stall' | 'drop'; afterChunks: number }
    }
  | (Extract<ModelServerStep, { type: 'error' }> & { kind: 'error'; delayMs: number })

export interface AutoOptions {
  wordsPerToken: number
  latencyMs: number
}

const MAX_AUTO_WORDS = 4_000
const DEFAULT_MAX_TOKENS = 1_024

/** Turns a scripted step, or auto mode when `step` is undefined, into what to send. */
export function planAnswer(
  request: GenerationRequest,
  step: ModelServerStep | undefined,
  auto: AutoOptions,
): AnswerPlan {
  const delayMs = step ? (step.delayMs ?? 0) : auto.latencyMs
  if (step?.type === 'error') return { ...step, kind: 'error', delayMs }

  const answer = writeAnswer(request, step ?? { type: 'auto' }, auto)
  if (step?.type === 'stall' || step?.type === 'drop') {
    const interrupt = { mode: step.type, afterChunks: step.afterChunks ?? 2 }
    return { kind: 'answer', answer, delayMs, interrupt }
  }
  return { kind: 'answer', answer, delayMs }
}

/** Reads the fields the server needs from either provider's request body. */
export function readGenerationRequest(
  api: WireApi,
  body: Record<string, unknown>,
): GenerationRequest {
  const maxTokens = Number(body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_MAX_TOKENS)
  const request: GenerationRequest = {
    api,
    model: typeof body.model === 'string' ? body.model : 'unknown-model',
    stream: body.stream === true,
    includeUsage:
      api === 'anthropic' || readPath(body, ['stream_options', 'include_usage']) === true,
    maxTokens: Number.isFinite(maxTokens) && maxTokens > 0 ? maxTokens : DEFAULT_MAX_TOKENS,
    promptText: [body.system, body.messages].map(collectText).filter(Boolean).join('\n'),
  }

  if (api === 'openai') {
    const format = body.response_format as { type?: string; json_schema?: { schema?: JsonSchema } }
    if (format?.type === 'json_schema') request.schema = format.json_schema?.schema ?? {}
    if (format?.type === 'json_object') request.schema = { type: 'object', properties: {} }
    return request
  }

  const choice = body.tool_choice as { type?: string; name?: string } | undefined
  const tools = (Array.isArray(body.tools) ? body.tools : []) as {
    name?: string
    input_schema?: JsonSchema
  }[]
  const forced = choice?.type === 'tool' ? tools.find((t) => t.name === choice.name) : undefined
  const tool = forced ?? (choice?.type === 'any' ? tools[0] : undefined)
  if (tool) {
    request.schema = tool.input_schema ?? { type: 'object' }
    request.toolName = tool.name ?? 'tool'
  }
  return request
}

function writeAnswer(
  request: GenerationRequest,
  step: Exclude<ModelServerStep, { type: 'error' }>,
  auto: AutoOptions,
): PlannedAnswer {
  const finish = 'finish' in step && step.finish ? step.finish : 'stop'
  const asTool = request.toolName !== undefined && step.type !== 'text' && step.type !== 'prose'
  const content = composeContent(request, step, auto, finish)
  const text = asTool ? JSON.stringify(content.value ?? {}) : content.text

  const wordCount = text.split(/\s+/).filter(Boolean).length
  const wordsPerChunk = Math.max(1, Math.min(12, Math.ceil(wordCount / 4)))
  return {
    text,
    toolInput: asTool ? (content.value ?? {}) : undefined,
    finish,
    tokensIn: Math.max(1, Math.ceil(request.promptText.length / 4)),
    tokensOut: Math.max(1, wordCount * 2),
    chunks: asTool ? splitJson(text) : splitIntoChunks(text, wordsPerChunk),
  }
}

function composeContent(
  request: GenerationRequest,
  step: Exclude<ModelServerStep, { type: 'error' }>,
  auto: AutoOptions,
  finish: ScriptedFinish,
): { text: string; value?: unknown } {
  const seed = hashText(request.promptText)
  const language = detectLanguage(request.promptText)
  if (step.type === 'text') return { text: step.text }
  if (step.type === 'prose') return { text: writeProse(step.words, language, seed) }
  if (step.type === 'json') return { text: JSON.stringify(step.value), value: step.value }

  if (request.schema) {
    const value = sampleFromSchema(request.schema, { seed })
    const json = JSON.stringify(value)
    // Cut off at the limit, JSON is broken, as a real truncated answer's is; a cut-off tool
    // call arrives with an empty input.
    if (finish === 'length') return { text: json.slice(0, Math.ceil(json.length / 2)), value: {} }
    return { text: json, value }
  }
  const words = Math.round(request.maxTokens * auto.wordsPerToken)
  return { text: writeProse(Math.min(MAX_AUTO_WORDS, Math.max(1, words)), language, seed) }
}

/** Anthropic streams tool input as `partial_json` pieces; any split of the string is valid. */
function splitJson(json: string): string[] {
  const size = Math.max(8, Math.ceil(json.length / 4))
  const pieces: string[] = []
  for (let i = 0; i < json.length; i += size) pieces.push(json.slice(i, i + size))
  return pieces.length > 0 ? pieces : ['']
}

function collectText(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(collectText).join('\n')
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.text === 'string') return record.text
    return collectText(record.content)
  }
  return ''
}

function readPath(value: unknown, path: string[]): unknown {
  let current = value
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}
