import { z } from 'zod'
import { StageSchema } from './catalog'
import { FindingSchema } from './health'
import { ModelChoiceSchema, ProviderSchema } from './jobs'

/** A provider as the settings screen sees it: keys are never sent back, only a hint. */
export const ProviderSettingsViewSchema = z.object({
  name: ProviderSchema,
  configured: z.boolean(),
  key_hint: z.string().nullable().describe('Last four characters of the key, e.g. "…a1b2"'),
  base_url: z.string().nullable(),
})

export const PriceSchema = z.object({
  input: z.number().min(0).describe('USD per million prompt tokens'),
  output: z.number().min(0).describe('USD per million completion tokens'),
})

export const SettingsViewSchema = z.object({
  providers: z.array(ProviderSettingsViewSchema),
  fallback_provider: ProviderSchema.nullable(),
  stage_models: z
    .partialRecord(StageSchema, ModelChoiceSchema)
    .describe('Model used by each stage; empty until a provider is configured'),
  prices: z.record(z.string(), PriceSchema),
  worker_concurrency: z.number().int(),
  job_budget_usd: z.number(),
  backup_keep: z.number().int().describe('Automatic backups kept of each kind (BACKUP_KEEP)'),
  data_dir: z.string(),
  generation_available: z.boolean(),
})
export type SettingsView = z.infer<typeof SettingsViewSchema>

/**
 * A change to settings. `api_key: ''` removes a key; an absent field is left alone. Keys go
 * to the main process's secret store, never to the settings file in plain text.
 */
export const SettingsUpdateSchema = z.strictObject({
  providers: z
    .array(
      z.strictObject({
        name: ProviderSchema,
        api_key: z.string().max(500).optional(),
        base_url: z.union([z.url(), z.literal('')]).optional(),
      }),
    )
    .optional(),
  fallback_provider: ProviderSchema.nullable().optional(),
  stage_models: z.partialRecord(StageSchema, ModelChoiceSchema).optional(),
  prices: z.record(z.string(), PriceSchema).optional(),
  worker_concurrency: z.number().int().min(1).max(16).optional(),
  job_budget_usd: z.number().positive().max(10_000).optional(),
  backup_keep: z.number().int().min(1).max(365).optional(),
})
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>

export const ProviderTestResultSchema = z.object({
  ok: z.boolean(),
  detail: z.string().describe('What the test found, in English'),
  ...FindingSchema.shape,
  latency_ms: z.number(),
})
export type ProviderTestResult = z.infer<typeof ProviderTestResultSchema>
