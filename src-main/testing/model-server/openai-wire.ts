import { randomUUID } from 'node:crypto'
import type { GenerationRequest, PlannedAnswer } from './plan-answer'
import type { SseBody } from './sse-writer'

/** Model ids `/v1/models` lists; any id is accepted by the generation endpoints. */
export const OPENAI_MODEL_IDS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'gpt-4.1-mini', 'local-model']

const ERROR_TYPES: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory' },
  404: { type: 'invalid_request_error', code: 'model_not_found' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
}

/** A non-streamed `chat.completion` object. */
export function renderOpenAiCompletion(request: GenerationRequest, answer: PlannedAnswer) {
  return {
    id: `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: answer.text, refusal: null },
        logprobs: null,
        finish_reason: answer.finish,
      },
    ],
    usage: renderUsage(answer),
    system_fingerprint: 'fp_model_server',
  }
}

/**
 * `chat.completion.chunk` frames: a role delta, one delta per chunk, the finish chunk, the
 * usage chunk (only with `stream_options.include_usage`, and with empty `choices` as the real
 * API sends it) and `[DONE]`.
 */
export function renderOpenAiStream(request: GenerationRequest, answer: PlannedAnswer): SseBody {
  const base = {
    id: `chatcmpl-${randomUUID()}`,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    system_fingerprint: 'fp_model_server',
  }
  const chunk = (delta: object, finish: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(request.includeUsage ? { usage: null } : {}),
  })

  const tail: SseBody['tail'] = [{ data: chunk({}, answer.finish) }]
  if (request.includeUsage)
    tail.push({ data: { ...base, choices: [], usage: renderUsage(answer) } })
  tail.push({ data: '[DONE]' })

  return {
    head: [{ data: chunk({ role: 'assistant', content: '', refusal: null }) }],
    deltas: answer.chunks.map((text) => ({ data: chunk({ content: text }) })),
    tail,
  }
}

/** The OpenAI error envelope: `{ error: { message, type, param, code } }`. */
export function renderOpenAiError(status: number, message: string, code?: string) {
  const known = ERROR_TYPES[status] ?? { type: 'server_error', code: null }
  return { error: { message, type: known.type, param: null, code: code ?? known.code } }
}

export function renderOpenAiModels() {
  return {
    object: 'list',
    data: OPENAI_MODEL_IDS.map((id) => ({
      id,
      object: 'model',
      created: 1_700_000_000,
      owned_by: 'model-server',
    })),
  }
}

function renderUsage(answer: PlannedAnswer) {
  return {
    prompt_tokens: answer.tokensIn,
    completion_tokens: answer.tokensOut,
    total_tokens: answer.tokensIn + answer.tokensOut,
  }
}
