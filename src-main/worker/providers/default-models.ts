import type { Stage } from '@shared/contracts/catalog'
import type { ProviderName } from './types'

/** What a stage needs from its model: planning and review want a small one, prose a large one. */
export type ModelRole = 'analysis' | 'prose'

/** Stages that write or rewrite prose get the large model; the rest analyse and plan. */
export const PROSE_STAGES: ReadonlySet<Stage> = new Set<Stage>(['prose', 'stylization'])

/** Each hosted provider's model per role when nobody chose one. */
export const DEFAULT_MODELS = {
  openai: { analysis: 'gpt-4o-mini', prose: 'gpt-4o' },
  anthropic: { analysis: 'claude-haiku-4-5', prose: 'claude-sonnet-4-5' },
} as const

export function modelRoleOf(stage: Stage): ModelRole {
  return PROSE_STAGES.has(stage) ? 'prose' : 'analysis'
}

/**
 * The model `provider` uses for `role` when nobody chose one. A local server has one model,
 * the one named in the settings (`LOCAL_MODEL_NAME`), for every role.
 */
export function defaultModelOf(
  provider: ProviderName,
  role: ModelRole,
  localModel?: string,
): string | undefined {
  return provider === 'local' ? localModel : DEFAULT_MODELS[provider][role]
}

/**
 * The model the fallback provider answers with for a stage of `role`: its own model for that
 * kind of work, so prose that falls back is still written by a large model.
 */
export function fallbackModelOf(
  providers: { fallback?: ProviderName; local?: { model?: string } },
  role: ModelRole,
): string | undefined {
  if (!providers.fallback) return undefined
  return defaultModelOf(providers.fallback, role, providers.local?.model)
}
