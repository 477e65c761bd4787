import Anthropic from '@anthropic-ai/sdk'
import type { Logger } from '../../core/logging/logger'
import { toJsonSchema } from './json-schema'
import { toPingError } from './provider-errors'
import { runModelCall, type RawAnswer } from './run-model-call'
import { linkCallSignal } from './call-signal'
import { guardStream } from './stream-guard'
import type {
  FinishReason,
  ModelCallRequest,
  ModelCallResult,
  ModelProvider,
  StructuredOutput,
} from './types'

export interface AnthropicProviderOptions {
  apiKey: string
  baseURL?: string
  /** Wait for the response headers (or a whole non-streamed answer). */
  timeoutMs?: number
  /** A stream silent for this long is treated as stalled. */
  streamIdleTimeoutMs?: number
  logger?: Logger
}

const DEFAULT_TIMEOUT_MS = 300_000
const DEFAULT_STREAM_IDLE_MS = 120_000

/**
 * Anthropic through the official SDK. Structured answers come from a forced tool call, whose
 * input the API has already parsed as JSON; prose is streamed. SDK retries are off, as for
 * OpenAI, so the registry's retry wrapper is the only one.
 */
export class AnthropicProvider implements ModelProvider {
  readonly name = 'anthropic' as const
  private readonly client: Anthropic
  private readonly streamIdleMs: number
  private readonly log?: Logger

  constructor(options: AnthropicProviderOptions) {
    // An explicit timeout also stops the SDK from refusing large non-streamed max_tokens.
    this.client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 0,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    })
    this.streamIdleMs = options.streamIdleTimeoutMs ?? DEFAULT_STREAM_IDLE_MS
    this.log = options.logger?.child({ module: 'provider', provider: this.name })
  }

  call<T>(request: ModelCallRequest<T>): Promise<ModelCallResult<T>> {
    const { structured } = request
    const ask = structured
      ? (prompt: string) => this.askWithTool(request, structured, prompt)
      : (prompt: string) => this.streamProse(request, prompt)
    return runModelCall(this.name, request, ask, this.log)
  }

  async ping(signal?: AbortSignal): Promise<void> {
    try {
      await this.client.models.list({ limit: 1 }, { signal })
    } catch (error) {
      throw toPingError(this.name, error, signal)
    }
  }

  private async askWithTool(
    request: ModelCallRequest,
    structured: StructuredOutput<unknown>,
    prompt: string,
  ): Promise<RawAnswer> {
    const tool = {
      name: structured.name,
      description: `Records the ${structured.name} answer. Call it with the complete answer.`,
      input_schema: toJsonSchema(structured.schema) as Anthropic.Tool.InputSchema,
    }
    const call = linkCallSignal(request.signal)
    const message = await this.client.messages
      .create(
        {
          ...baseBody(request, prompt),
          tools: [tool],
          tool_choice: { type: 'tool', name: structured.name },
        },
        { signal: call.signal },
      )
      .finally(call.unlink)

    const toolUse = message.content.find((block) => block.type === 'tool_use')
    // Without a tool_use block the text goes to the parser, which reports it and asks again.
    const text = toolUse
      ? JSON.stringify(toolUse.input)
      : message.content.map((block) => (block.type === 'text' ? block.text : '')).join('')
    return {
      text,
      json: toolUse?.input,
      tokensIn: message.usage.input_tokens,
      tokensOut: message.usage.output_tokens,
      finishReason: mapStopReason(message.stop_reason),
    }
  }

  private async streamProse(request: ModelCallRequest, prompt: string): Promise<RawAnswer> {
    const guard = guardStream(this.name, request.signal, this.streamIdleMs)
    let text = ''
    let stopReason: string | null = null
    let tokensIn = 0
    let tokensOut = 0

    try {
      const stream = await this.client.messages.create(
        { ...baseBody(request, prompt), stream: true },
        { signal: guard.signal },
      )
      for await (const event of stream) {
        guard.touch()
        if (event.type === 'message_start') {
          tokensIn = event.message.usage.input_tokens
          tokensOut = event.message.usage.output_tokens
        } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
          text += event.delta.text
          request.onDelta?.(event.delta.text)
        } else if (event.type === 'message_delta') {
          stopReason = event.delta.stop_reason ?? stopReason
          tokensOut = event.usage.output_tokens
          tokensIn = event.usage.input_tokens ?? tokensIn
        }
      }
      guard.throwIfStopped()
    } catch (error) {
      throw guard.explain(error)
    } finally {
      guard.dispose()
    }

    return { text, tokensIn, tokensOut, finishReason: mapStopReason(stopReason) }
  }
}

function baseBody(request: ModelCallRequest, prompt: string) {
  return {
    model: request.model,
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    system: request.system,
    messages: [{ role: 'user' as const, content: prompt }],
  }
}

function mapStopReason(reason: string | null | undefined): FinishReason {
  if (reason === 'end_turn' || reason === 'stop_sequence' || reason === 'tool_use') return 'stop'
  if (reason === 'max_tokens' || reason === 'model_context_window_exceeded') return 'length'
  return 'other'
}
