import OpenAI from 'openai'
import type { Logger } from '../../core/logging/logger'
import { toStrictJsonSchema } from './json-schema'
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

export interface OpenAiProviderOptions {
  /** 'local' for an OpenAI-compatible server (Ollama, LM Studio, llama.cpp). */
  name?: 'openai' | 'local'
  /** Local servers usually ignore the key, so a placeholder is sent when it is missing. */
  apiKey?: string
  baseURL?: string
  /** Wait for the response headers (or a whole non-streamed answer). */
  timeoutMs?: number
  /** A stream silent for this long is treated as stalled. */
  streamIdleTimeoutMs?: number
  logger?: Logger
}

const DEFAULT_TIMEOUT_MS = 300_000
const DEFAULT_STREAM_IDLE_MS = 120_000
const LOCAL_PLACEHOLDER_KEY = 'local-no-key'

/**
 * OpenAI and OpenAI-compatible servers through the official SDK. The SDK's own retries are
 * off (`maxRetries: 0`): the registry's retry wrapper decides, so attempts are counted once.
 */
export class OpenAiProvider implements ModelProvider {
  readonly name: 'openai' | 'local'
  private readonly client: OpenAI
  private readonly streamIdleMs: number
  private readonly log?: Logger

  constructor(options: OpenAiProviderOptions) {
    this.name = options.name ?? 'openai'
    this.client = new OpenAI({
      apiKey: options.apiKey || (this.name === 'local' ? LOCAL_PLACEHOLDER_KEY : ''),
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
      ? (prompt: string) => this.askStructured(request, structured, prompt)
      : (prompt: string) => this.streamProse(request, prompt)
    return runModelCall(this.name, request, ask, this.log)
  }

  async ping(signal?: AbortSignal): Promise<void> {
    try {
      await this.client.models.list({ signal })
    } catch (error) {
      throw toPingError(this.name, error, signal)
    }
  }

  private async askStructured(
    request: ModelCallRequest,
    structured: StructuredOutput<unknown>,
    prompt: string,
  ): Promise<RawAnswer> {
    const call = linkCallSignal(request.signal)
    const completion = await this.client.chat.completions
      .create(
        {
          ...this.baseBody(request, prompt),
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: structured.name,
              strict: true,
              schema: toStrictJsonSchema(structured.schema),
            },
          },
        },
        { signal: call.signal },
      )
      .finally(call.unlink)

    const choice = completion.choices[0]
    const text = choice?.message.content ?? ''
    return {
      text,
      tokensIn: completion.usage?.prompt_tokens ?? estimateTokens(request.system + prompt),
      tokensOut: completion.usage?.completion_tokens ?? estimateTokens(text),
      finishReason: mapFinishReason(choice?.finish_reason),
    }
  }

  private async streamProse(request: ModelCallRequest, prompt: string): Promise<RawAnswer> {
    const guard = guardStream(this.name, request.signal, this.streamIdleMs)
    let text = ''
    let finish: string | null | undefined
    let usage: OpenAI.CompletionUsage | undefined | null

    try {
      const stream = await this.client.chat.completions.create(
        {
          ...this.baseBody(request, prompt),
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: guard.signal },
      )
      for await (const chunk of stream) {
        guard.touch()
        const choice = chunk.choices[0]
        const delta = choice?.delta?.content
        if (delta) {
          text += delta
          request.onDelta?.(delta)
        }
        finish = choice?.finish_reason ?? finish
        usage = chunk.usage ?? usage
      }
      guard.throwIfStopped()
    } catch (error) {
      throw guard.explain(error)
    } finally {
      guard.dispose()
    }

    // Some local servers ignore stream_options.include_usage; their calls are booked from an
    // estimate (four characters a token) rather than as free.
    return {
      text,
      tokensIn: usage?.prompt_tokens ?? estimateTokens(request.system + prompt),
      tokensOut: usage?.completion_tokens ?? estimateTokens(text),
      finishReason: mapFinishReason(finish),
    }
  }

  private baseBody(request: ModelCallRequest, prompt: string) {
    // OpenAI's newer models accept only max_completion_tokens; local servers know max_tokens.
    const limit =
      this.name === 'local'
        ? { max_tokens: request.maxTokens }
        : { max_completion_tokens: request.maxTokens }
    return {
      model: request.model,
      temperature: request.temperature,
      ...limit,
      messages: [
        { role: 'system' as const, content: request.system },
        { role: 'user' as const, content: prompt },
      ],
    }
  }
}

function mapFinishReason(reason: string | null | undefined): FinishReason {
  if (reason === 'stop') return 'stop'
  if (reason === 'length') return 'length'
  return 'other'
}

/** About four characters a token, the same rule the budget checks use. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4)
}
