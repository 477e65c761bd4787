/** The request side of the model server: reading bodies, telling the APIs apart, failing. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { renderAnthropicError } from './anthropic-wire'
import { renderOpenAiError } from './openai-wire'
import type { WireApi } from './plan-answer'
import { writeJson } from './sse-writer'

const ERROR_MESSAGES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Incorrect API key provided',
  403: 'You are not allowed to use this model',
  404: 'The model does not exist',
  429: 'Rate limit reached for requests',
  500: 'The server had an error while processing your request',
  503: 'The model server is down (simulated outage)',
}

/** Fails in the calling API's error format, with the retry headers the step asked for. */
export function sendError(
  res: ServerResponse,
  api: WireApi,
  status: number,
  message = ERROR_MESSAGES[status] ?? `Scripted failure ${status}`,
  extra: { code?: string; retryAfter?: string; retryAfterMs?: number } = {},
): void {
  const headers: Record<string, string> = {}
  if (extra.retryAfter !== undefined) headers['retry-after'] = extra.retryAfter
  if (extra.retryAfterMs !== undefined) headers['retry-after-ms'] = String(extra.retryAfterMs)
  // The real APIs send x-should-retry, and SDKs with their own retries on obey it.
  headers['x-should-retry'] = status === 429 || status >= 500 ? 'true' : 'false'
  const body =
    api === 'anthropic'
      ? renderAnthropicError(status, message, extra.code)
      : renderOpenAiError(status, message, extra.code)
  writeJson(res, status, body, headers)
}

export function detectApi(path: string, req: IncomingMessage): WireApi {
  if (path === '/v1/messages') return 'anthropic'
  if (path === '/v1/chat/completions') return 'openai'
  return req.headers['anthropic-version'] ? 'anthropic' : 'openai'
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function parseBody(text: string): Record<string, unknown> | undefined {
  if (!text) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

export function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** Text of the last user message, whichever API the body belongs to. */
export function lastUserText(body: Record<string, unknown> | undefined): string {
  const messages = Array.isArray(body?.messages) ? (body.messages as Record<string, unknown>[]) : []
  const content = messages.filter((m) => m.role === 'user').at(-1)?.content
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : ''))
    .join('')
}
