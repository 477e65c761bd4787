import type { ParsedSettings } from '../../core/config/settings-schema'
import { AppError } from '../../core/errors/app-error'
import type { Logger } from '../../core/logging/logger'
import { AnthropicProvider } from './anthropic-provider'
import {
  createCircuitBreaker,
  type CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitState,
} from './circuit-breaker'
import { defaultModelOf } from './default-models'
import { OpenAiProvider } from './openai-provider'
import { PROVIDER_LABELS } from './provider-errors'
import { classifyFailure, withRetry, type RetryOptions } from './retry'
import type { ModelCallRequest, ModelCallResult, ModelProvider, ProviderName } from './types'

type ProviderSettingNames = Pick<
  ParsedSettings,
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'ANTHROPIC_API_KEY'
  | 'ANTHROPIC_BASE_URL'
  | 'LOCAL_MODEL_BASE_URL'
  | 'LOCAL_MODEL_API_KEY'
  | 'LOCAL_MODEL_NAME'
  | 'PROVIDER_FALLBACK'
>

/** Which providers to build; the settings screen and the environment fill it. */
export interface ProviderSettings {
  openai?: { apiKey: string; baseURL?: string }
  anthropic?: { apiKey: string; baseURL?: string }
  /** `model` is the server's model, used for every role (`LOCAL_MODEL_NAME`). */
  local?: { baseURL: string; apiKey?: string; model?: string }
  /** Takes over when the requested provider is down (transient failures or an open breaker). */
  fallback?: ProviderName
}

export interface ProviderRegistryOptions {
  logger?: Logger
  retry?: Omit<RetryOptions, 'signal' | 'onRetry'>
  breaker?: Omit<CircuitBreakerOptions, 'onStateChange'>
  /**
   * Model for the fallback provider when the request names none; else the provider's
   * analysis default, or the local server's model.
   */
  fallbackModel?: string
  timeoutMs?: number
  streamIdleTimeoutMs?: number
}

/** The configured providers, called through breaker, retries and fallback. */
export interface ProviderRegistry {
  readonly names: ProviderName[]
  has(name: ProviderName): boolean
  /** The bare provider (health checks ping it); a `configuration` error if it is not set up. */
  get(name: ProviderName): ModelProvider
  breakerState(name: ProviderName): CircuitState
  call<T>(request: ModelCallRequest<T>): Promise<ModelCallResult<T>>
}

/**
 * Builds the configured providers. Each attempt goes through the provider's circuit breaker,
 * transient failures are retried with backoff, and when the provider still fails for a
 * transient reason, or its breaker is open, the call is made once more (with its own
 * retries) on the fallback provider with the fallback model.
 */
export function createProviders(
  settings: ProviderSettings,
  options: ProviderRegistryOptions = {},
): ProviderRegistry {
  const fallbackModel =
    options.fallbackModel ?? (settings.fallback === 'local' ? settings.local?.model : undefined)
  return createProviderRegistry(buildProviders(settings, options), settings.fallback, {
    ...options,
    fallbackModel,
  })
}

/** Reads the provider part of the application settings (environment or settings.json). */
export function readProviderSettings(settings: ProviderSettingNames): ProviderSettings {
  const result: ProviderSettings = {}
  if (settings.OPENAI_API_KEY) {
    result.openai = { apiKey: settings.OPENAI_API_KEY, baseURL: settings.OPENAI_BASE_URL }
  }
  if (settings.ANTHROPIC_API_KEY) {
    result.anthropic = { apiKey: settings.ANTHROPIC_API_KEY, baseURL: settings.ANTHROPIC_BASE_URL }
  }
  if (settings.LOCAL_MODEL_BASE_URL) {
    result.local = {
      baseURL: settings.LOCAL_MODEL_BASE_URL,
      apiKey: settings.LOCAL_MODEL_API_KEY,
      model: settings.LOCAL_MODEL_NAME,
    }
  }
  if (settings.PROVIDER_FALLBACK) result.fallback = settings.PROVIDER_FALLBACK
  return result
}

/**
 * The registry over ready-made providers; `createProviders` uses it, and tests can hand in
 * their own `ModelProvider`s.
 */
export function createProviderRegistry(
  providers: Partial<Record<ProviderName, ModelProvider>>,
  fallback: ProviderName | undefined,
  options: ProviderRegistryOptions = {},
): ProviderRegistry {
  const log = options.logger?.child({ module: 'providers' })
  const breakerFor = (name: ProviderName) =>
    createCircuitBreaker(name, {
      ...options.breaker,
      onStateChange: (state) => log?.warn({ provider: name, state }, 'circuit breaker changed'),
    })
  const breakers: Record<ProviderName, CircuitBreaker> = {
    openai: breakerFor('openai'),
    anthropic: breakerFor('anthropic'),
    local: breakerFor('local'),
  }
  const get = (name: ProviderName): ModelProvider => {
    const provider = providers[name]
    if (provider) return provider
    const message = `${PROVIDER_LABELS[name]} is not set up; add it in Settings`
    throw new AppError('configuration', message, { details: { provider: name } })
  }

  const callWithRetries = <T>(request: ModelCallRequest<T>) => {
    const provider = get(request.provider)
    let lastError: unknown
    const onRetry: RetryOptions['onRetry'] = ({ attempt, delayMs, error }) => {
      lastError = error
      log?.warn({ provider: provider.name, attempt, delayMs, err: error }, 'retrying model call')
    }
    return withRetry(
      (attempt) => {
        if (attempt > 1) {
          request.onRestart?.({ provider: provider.name, model: request.model }, lastError)
        }
        return breakers[request.provider].run(() => provider.call(request))
      },
      { ...options.retry, signal: request.signal, onRetry },
    )
  }

  return {
    names: Object.keys(providers) as ProviderName[],
    has: (name) => providers[name] !== undefined,
    get,
    breakerState: (name) => breakers[name].state,
    async call(request) {
      try {
        return await callWithRetries(request)
      } catch (error) {
        const target = chooseFallback(request, error, fallback, providers, options.fallbackModel)
        if (!target) throw error

        log?.warn({ from: request.provider, ...target, err: error }, 'falling back')
        request.onRestart?.(target, error)
        return callWithRetries({ ...request, ...target })
      }
    },
  }
}

/** The provider and model to try next, when the failure is one a fallback can help with. */
function chooseFallback(
  request: ModelCallRequest,
  error: unknown,
  fallback: ProviderName | undefined,
  providers: Partial<Record<ProviderName, ModelProvider>>,
  fallbackModel: string | undefined,
): { provider: ProviderName; model: string } | undefined {
  const failure = classifyFailure(error)
  if (!failure.transient && !failure.circuitOpen) return undefined
  if (!fallback || fallback === request.provider || !providers[fallback]) return undefined
  // Without a role the small model is the safe guess; the pipeline always names one.
  const model = request.fallbackModel ?? fallbackModel ?? defaultModelOf(fallback, 'analysis')
  return model ? { provider: fallback, model } : undefined
}

function buildProviders(
  settings: ProviderSettings,
  options: ProviderRegistryOptions,
): Partial<Record<ProviderName, ModelProvider>> {
  const common = {
    timeoutMs: options.timeoutMs,
    streamIdleTimeoutMs: options.streamIdleTimeoutMs,
    logger: options.logger,
  }
  const providers: Partial<Record<ProviderName, ModelProvider>> = {}
  if (settings.openai?.apiKey) {
    providers.openai = new OpenAiProvider({ ...common, name: 'openai', ...settings.openai })
  }
  if (settings.anthropic?.apiKey) {
    providers.anthropic = new AnthropicProvider({ ...common, ...settings.anthropic })
  }
  if (settings.local?.baseURL) {
    const { baseURL, apiKey } = settings.local
    providers.local = new OpenAiProvider({ ...common, name: 'local', baseURL, apiKey })
  }
  return providers
}
