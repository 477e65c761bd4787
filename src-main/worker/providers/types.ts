import type { z } from 'zod'

export type ProviderName = 'openai' | 'anthropic' | 'local'

/** A structured answer: the provider is asked for JSON matching this schema, and it is parsed by it. */
export interface StructuredOutput<T> {
  /** Short identifier used as the json_schema name / tool name (letters, digits, underscores). */
  name: string
  schema: z.ZodType<T>
}

/** One model call as the pipeline asks for it; providers translate it to their SDK. */
export interface ModelCallRequest<T = unknown> {
  provider: ProviderName
  model: string
  system: string
  prompt: string
  maxTokens: number
  temperature: number
  /** Present for structured stages; absent for prose. */
  structured?: StructuredOutput<T>
  /** Streams prose as it arrives; structured calls may ignore it. */
  onDelta?: (text: string) => void
  /**
   * Called before a retry or a fallback asks again from the start, with the provider and
   * model that will answer and the error that ended the attempt before, so whoever shows the
   * `onDelta` text can clear it and whoever keeps the budget can book the failed attempt
   * (its streamed text, or the tokens its error carries) and check the next one. Throwing
   * stops the call with that error.
   */
  onRestart?: (next: { provider: ProviderName; model: string }, cause: unknown) => void
  /** The model to use if the call falls back to the registry's fallback provider. */
  fallbackModel?: string
  signal?: AbortSignal
}

export type FinishReason = 'stop' | 'length' | 'other'

export interface ModelCallResult<T = unknown> {
  provider: ProviderName
  model: string
  text: string
  /** The parsed value when `structured` was given. */
  value?: T
  tokensIn: number
  tokensOut: number
  finishReason: FinishReason
  latencyMs: number
}

/** The one interface the pipeline sees; OpenAI, Anthropic and local servers implement it. */
export interface ModelProvider {
  readonly name: ProviderName
  call<T>(request: ModelCallRequest<T>): Promise<ModelCallResult<T>>
  /** A cheap request proving the endpoint and key work (health checks). */
  ping(signal?: AbortSignal): Promise<void>
}
