import { randomUUID } from 'node:crypto'
import type { GenerationRequest, PlannedAnswer } from './plan-answer'
import type { SseBody, SseFrame } from './sse-writer'

/** Model ids `/v1/models` lists; any id is accepted by `/v1/messages`. */
export const ANTHROPIC_MODEL_IDS = ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1']

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
}

/** A non-streamed `message` with one text or `tool_use` block. */
export function renderAnthropicMessage(request: GenerationRequest, answer: PlannedAnswer) {
  return {
    ...renderMessageShell(request),
    content: [renderBlock(request, answer, false)],
    stop_reason: stopReasonOf(request, answer),
    usage: renderUsage(answer.tokensIn, answer.tokensOut),
  }
}

/**
 * The real event sequence: `message_start` (input tokens), `content_block_start`, a `ping`,
 * one `text_delta` or `input_json_delta` per chunk, `content_block_stop`, `message_delta`
 * (stop reason and output tokens) and `message_stop`.
 */
export function renderAnthropicStream(request: GenerationRequest, answer: PlannedAnswer): SseBody {
  const isTool = answer.toolInput !== undefined
  const message = {
    ...renderMessageShell(request),
    content: [],
    stop_reason: null,
    usage: renderUsage(answer.tokensIn, 1),
  }
  const delta = (text: string) =>
    isTool ? { type: 'input_json_delta', partial_json: text } : { type: 'text_delta', text }

  return {
    head: [
      frame('message_start', { type: 'message_start', message }),
      frame('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: renderBlock(request, answer, true),
      }),
      frame('ping', { type: 'ping' }),
    ],
    deltas: answer.chunks.map((text) =>
      frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: delta(text) }),
    ),
    tail: [
      frame('content_block_stop', { type: 'content_block_stop', index: 0 }),
      frame('message_delta', {
        type: 'message_delta',
        delta: {
          stop_reason: stopReasonOf(request, answer),
          stop_sequence: null,
          container: null,
          stop_details: null,
        },
        usage: { output_tokens: answer.tokensOut },
      }),
      frame('message_stop', { type: 'message_stop' }),
    ],
  }
}

/** The Anthropic error envelope: `{ type: 'error', error: { type, message } }`. */
export function renderAnthropicError(status: number, message: string, code?: string) {
  const type = code ?? ERROR_TYPES[status] ?? 'api_error'
  return { type: 'error', error: { type, message }, request_id: `req_${randomUUID()}` }
}

export function renderAnthropicModels() {
  const data = ANTHROPIC_MODEL_IDS.map((id) => ({
    type: 'model',
    id,
    display_name: id,
    created_at: '2025-01-01T00:00:00Z',
  }))
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null }
}

function renderMessageShell(request: GenerationRequest) {
  return {
    id: `msg_${randomUUID().replaceAll('-', '')}`,
    type: 'message',
    role: 'assistant',
    model: request.model,
    stop_sequence: null,
    container: null,
    stop_details: null,
    diagnostics: null,
  }
}

function renderBlock(request: GenerationRequest, answer: PlannedAnswer, streaming: boolean) {
  if (answer.toolInput === undefined) {
    return { type: 'text', text: streaming ? '' : answer.text, citations: null }
  }
  const input = streaming ? {} : answer.toolInput
  return { type: 'tool_use', id: `toolu_${randomUUID()}`, name: request.toolName, input }
}

function stopReasonOf(request: GenerationRequest, answer: PlannedAnswer): string {
  if (answer.finish === 'length') return 'max_tokens'
  return answer.toolInput !== undefined && request.toolName ? 'tool_use' : 'end_turn'
}

function renderUsage(inputTokens: number, outputTokens: number) {
  return {
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    service_tier: 'standard',
  }
}

function frame(event: string, data: object): SseFrame {
  return { event, data }
}
