import { STAGE_VALUES, type Stage } from '@shared/contracts/catalog'
import type { Brief, ModelChoice } from '@shared/contracts/jobs'
import { DEFAULT_PRICE_TABLE, type PriceTable } from '@shared/contracts/pricing'
import { DEFAULT_MODELS, modelRoleOf } from '../../worker/providers/default-models'
import type { ParsedSettings } from '../config/settings-schema'

/**
 * Picks the model for every stage: the brief's choice for its role, else the settings'
 * per-stage choice, else a sensible default for the first configured provider (a small model
 * for analysis, a large one for prose).
 */
export function resolveStageModels(
  settings: ParsedSettings,
  brief?: Pick<Brief, 'models'>,
): Record<Stage, ModelChoice> | null {
  const base = defaultChoices(settings)
  if (!base) return null
  const chosen = {} as Record<Stage, ModelChoice>
  for (const stage of STAGE_VALUES) {
    const role = modelRoleOf(stage)
    chosen[stage] = brief?.models?.[role] ?? settings.STAGE_MODELS[stage] ?? base[role]
  }
  return chosen
}

/** The built-in price table with the settings' own prices laid over it. */
export function priceTableOf(settings: ParsedSettings): PriceTable {
  return { ...DEFAULT_PRICE_TABLE, ...settings.PRICES }
}

function defaultChoices(s: ParsedSettings): { analysis: ModelChoice; prose: ModelChoice } | null {
  if (s.OPENAI_API_KEY) {
    return {
      analysis: { provider: 'openai', model: DEFAULT_MODELS.openai.analysis },
      prose: { provider: 'openai', model: DEFAULT_MODELS.openai.prose },
    }
  }
  if (s.ANTHROPIC_API_KEY) {
    return {
      analysis: { provider: 'anthropic', model: DEFAULT_MODELS.anthropic.analysis },
      prose: { provider: 'anthropic', model: DEFAULT_MODELS.anthropic.prose },
    }
  }
  if (s.LOCAL_MODEL_BASE_URL) {
    const model = { provider: 'local' as const, model: s.LOCAL_MODEL_NAME }
    return { analysis: model, prose: model }
  }
  return null
}
