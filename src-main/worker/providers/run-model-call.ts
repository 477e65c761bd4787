import { z } from 'zod'
import { AppError } from '../../core/errors/app-error'
import type { Logger } from '../../core/logging/logger'
import { carryBilledTokens } from './billed-tokens'
import { dropNullOptionals, toJsonSchema } from './json-schema'
import { PROVIDER_LABELS, toProviderError } from './provider-errors'
import type { FinishReason, ModelCallRequest, ModelCallResult, ProviderName } from './types'

/** One answer as a provider's SDK returned it, before any parsing. */
export interface RawAnswer {
  text: string
  /** Already-parsed JSON, when the SDK hands it over (Anthropic's tool input). */
  json?: unknown
  tokensIn: number
  tokensOut: number
  finishReason: FinishReason
}

/** Asks the model once; `prompt` is the request's prompt, possibly with a correction added. */
export type AskModel = (prompt: string) => Promise<RawAnswer>

/**
 * The part of a model call both providers share: time it, translate failures, and for
 * structured calls parse the answer with the zod schema. An answer that does not parse is
 * asked for once more with the validation problem appended to the prompt; a second bad
 * answer is a `provider` error. Tokens of both attempts are counted, since both are billed:
 * on success in the result, on failure carried by the error (see `takeBilledTokens`).
 */
export async function runModelCall<T>(
  provider: ProviderName,
  request: ModelCallRequest<T>,
  ask: AskModel,
  log?: Logger,
): Promise<ModelCallResult<T>> {
  const started = performance.now()
  const askTranslated = (prompt: string) =>
    ask(prompt).catch((error: unknown) => {
      throw toProviderError(provider, error)
    })
  const finish = (answer: RawAnswer, value?: T): ModelCallResult<T> => {
    const { text, tokensIn, tokensOut, finishReason } = answer
    const latencyMs = Math.round(performance.now() - started)
    log?.debug(
      { model: request.model, tokensIn, tokensOut, finishReason, latencyMs },
      'model call done',
    )
    return {
      provider,
      model: request.model,
      text,
      value,
      tokensIn,
      tokensOut,
      finishReason,
      latencyMs,
    }
  }

  const first = await askTranslated(request.prompt)
  const { structured } = request
  if (!structured) return finish(first)

  const parsed = parseAnswer(structured.schema, first)
  if (parsed.ok) return finish(first, parsed.value)

  log?.warn(
    { provider, model: request.model, problem: parsed.problem },
    'invalid JSON, asking again',
  )
  const correction =
    `\n\nYour previous answer could not be used: ${parsed.problem}\n` +
    'Answer again with only JSON that matches the schema.'
  const second = await askTranslated(request.prompt + correction).catch((error: unknown) => {
    throw carryBilledTokens(error, first)
  })
  const total = {
    ...second,
    tokensIn: first.tokensIn + second.tokensIn,
    tokensOut: first.tokensOut + second.tokensOut,
  }
  const reparsed = parseAnswer(structured.schema, second)
  if (reparsed.ok) return finish(total, reparsed.value)

  const label = PROVIDER_LABELS[provider]
  const error = new AppError(
    'provider',
    `${label} returned invalid JSON for "${structured.name}" twice: ${reparsed.problem}`,
    {
      details: {
        provider,
        status: null,
        retryable: false,
        code: 'invalid_json',
        model: request.model,
      },
    },
  )
  throw carryBilledTokens(error, total)
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string }

function parseAnswer<T>(schema: z.ZodType<T>, answer: RawAnswer): Parsed<T> {
  const cutOff = answer.finishReason === 'length' ? ' (the answer was cut off at max tokens)' : ''
  let candidate = answer.json
  if (candidate === undefined) {
    try {
      candidate = JSON.parse(stripCodeFence(answer.text))
    } catch (error) {
      return { ok: false, problem: `it is not valid JSON${cutOff}: ${(error as Error).message}` }
    }
  }

  const result = schema.safeParse(dropNullOptionals(candidate, toJsonSchema(schema)))
  if (result.success) return { ok: true, value: result.data }
  const issues = z.prettifyError(result.error).slice(0, 1_500)
  return { ok: false, problem: `it does not match the schema${cutOff}:\n${issues}` }
}

/** Local models often wrap JSON in a Markdown fence despite being asked not to. */
function stripCodeFence(text: string): string {
  const match = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(text)
  return match?.[1] ?? text
}
