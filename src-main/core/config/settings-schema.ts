import { z } from 'zod'
import { StageSchema } from '@shared/contracts/catalog'
import { ModelChoiceSchema } from '@shared/contracts/jobs'
import { PriceTableSchema } from '@shared/contracts/pricing'

/** How the core is hosted; it decides which settings are required. */
export type RunMode = 'desktop' | 'browser' | 'server'

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no', ''])], {
    error: 'must be true or false',
  })
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes')

/** A whole number in a range; every way of missing it gets the same message saying the range. */
const count = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error })
}
function dollars(max: number) {
  const error = `must be an amount of US dollars above 0 and at most ${max}`
  return z.coerce.number({ error }).positive({ error }).max(max, { error })
}
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.filter(Boolean).join(', ')}` })
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url({ error: 'must be a full URL such as http://127.0.0.1:11434/v1' }).optional())
  .optional()

/** Structured settings arrive as JSON text from the environment and as objects from the file. */
const jsonText = <T extends z.ZodType>(schema: T, example: string) =>
  z.preprocess((v, ctx) => {
    if (typeof v !== 'string') return v
    try {
      return JSON.parse(v)
    } catch {
      ctx.issues.push({ code: 'custom', message: `must be JSON such as ${example}`, input: v })
      return z.NEVER
    }
  }, schema)

/**
 * Every setting, under the same names in the environment and in `settings.json`. The
 * predecessor's names are kept where it had them; the README lists them all.
 */
export const SettingsSchema = z.object({
  ENVIRONMENT: oneOf(['development', 'production', 'test']).default('development'),
  DEBUG: bool.default(false),
  DB_ECHO: bool.default(false),
  LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info'),
  JWT_SECRET_KEY: optionalText,
  CORS_ORIGINS: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .default([]),
  RATE_LIMIT_ENABLED: bool.default(true),
  RATE_LIMIT_PER_MINUTE: count(1, 100_000).default(60),
  RATE_LIMIT_AUTH_PER_MINUTE: count(1, 1_000).default(5),
  RATE_LIMIT_DESKTOP_PER_MINUTE: count(1, 100_000).default(1_200),
  TRUSTED_PROXY: bool.default(false),
  MAX_BODY_BYTES: count(1_024, 50 * 1024 * 1024).default(2 * 1024 * 1024),
  MAX_IMPORT_BYTES: count(1_024, 1024 * 1024 * 1024).default(200 * 1024 * 1024),
  MIN_FREE_DISK_MB: count(0, 1_000_000).default(500),
  HEALTH_CHECK_INTERVAL_MS: count(1_000, 3_600_000).default(30_000),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl,
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: optionalUrl,
  LOCAL_MODEL_BASE_URL: optionalUrl,
  LOCAL_MODEL_API_KEY: optionalText,
  WORKER_CONCURRENCY: count(1, 16).default(1),
  JOB_BUDGET_USD: dollars(10_000).default(10),
  PROVIDER_FALLBACK: z
    .enum(['openai', 'anthropic', 'local', ''], {
      error: 'must be openai, anthropic or local (or empty for none)',
    })
    .default(''),
  LOCAL_MODEL_NAME: z
    .string()
    .trim()
    .min(1, { error: 'must name a model the local server has, such as llama3.1' })
    .default('llama3.1'),
  STAGE_MODELS: jsonText(
    z.partialRecord(StageSchema, ModelChoiceSchema),
    '{"prose":{"provider":"openai","model":"gpt-4o"}}',
  ).default({}),
  PRICES: jsonText(PriceTableSchema, '{"gpt-4o":{"input":2.5,"output":10}}').default({}),
  WORKER_HEARTBEAT_TIMEOUT_MS: count(1_000, 600_000).default(20_000),
  BACKUP_KEEP: count(1, 365).default(7),
})

export type SettingsInput = z.input<typeof SettingsSchema>
export type ParsedSettings = z.output<typeof SettingsSchema>

/** What the application reads: the parsed settings plus facts fixed at start. */
export interface Settings extends ParsedSettings {
  mode: RunMode
  dataDir: string
  jwtSecret: string
}

export const SETTING_NAMES = Object.keys(SettingsSchema.shape) as (keyof ParsedSettings)[]
