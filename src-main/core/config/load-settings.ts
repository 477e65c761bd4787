import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'
import { AppError } from '../errors/app-error'
import { createFileSecretStore } from '../secrets/file-secret-store'
import type { SecretStore } from '../secrets/secret-store'
import { findJwtSecretProblem, loadOrCreateJwtSecret } from './jwt-secret'
import {
  SETTING_NAMES,
  SettingsSchema,
  type ParsedSettings,
  type RunMode,
  type Settings,
} from './settings-schema'

export interface LoadSettingsOptions {
  mode: RunMode
  dataDir: string
  env?: Record<string, string | undefined>
  /** Provider keys kept in the secret store; the environment still wins over them. */
  secrets?: Record<string, string | undefined>
  /** Keeps the generated JWT secret; owner-only files in the data folder by default. */
  secretStore?: SecretStore
}

export const SETTINGS_FILE = 'settings.json'

/**
 * Builds the settings from defaults, then `settings.json` in the data folder, then the
 * environment. Every problem is collected and reported together in one `configuration`
 * AppError whose `details.problems` lists them, so a misconfigured start needs one fix round.
 */
export function loadSettings(options: LoadSettingsOptions): Settings {
  const { settings, problems } = validateSettings(options)
  if (!settings || problems.length > 0) throw configurationError(problems)

  const store = options.secretStore ?? createFileSecretStore(options.dataDir)
  const jwtSecret = settings.JWT_SECRET_KEY ?? loadOrCreateJwtSecret(store, options.dataDir)
  return { ...settings, mode: options.mode, dataDir: options.dataDir, jwtSecret }
}

/**
 * Every problem the settings have, without touching the data folder (no secret is generated),
 * so a start that fails for other reasons too can report them all in one round.
 */
export function findSettingsProblems(options: LoadSettingsOptions): string[] {
  return validateSettings(options).problems
}

/** True when at least one AI provider can be reached with these settings. */
export function hasProvider(s: ParsedSettings): boolean {
  return Boolean(s.OPENAI_API_KEY || s.ANTHROPIC_API_KEY || s.LOCAL_MODEL_BASE_URL)
}

/** Parses the merged settings and judges them by the mode's rules. */
function validateSettings(options: LoadSettingsOptions): {
  settings: ParsedSettings | null
  problems: string[]
} {
  const problems: string[] = []
  const fileValues = readSettingsFile(options.dataDir, problems)
  const merged = {
    ...fileValues,
    ...pickKnown(options.secrets ?? {}),
    ...pickKnown(options.env ?? process.env),
  }

  const parsed = SettingsSchema.safeParse(merged)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || 'settings'}: ${issue.message}`)
    }
  }
  // The mode rules still judge the valid settings, so one round reports every problem.
  const valid = parsed.success
    ? parsed
    : SettingsSchema.safeParse(withoutInvalid(merged, parsed.error))
  if (valid.success) problems.push(...checkModeRules(valid.data, options.mode))
  return { settings: parsed.success ? parsed.data : null, problems }
}

function checkModeRules(s: ParsedSettings, mode: RunMode): string[] {
  const problems: string[] = []
  const production = s.ENVIRONMENT === 'production'

  if (s.JWT_SECRET_KEY) {
    const problem = findJwtSecretProblem(s.JWT_SECRET_KEY)
    if (problem) problems.push(`JWT_SECRET_KEY ${problem}`)
  } else if (production && mode === 'server') {
    problems.push('JWT_SECRET_KEY: required in production; set it to `openssl rand -hex 32`')
  }
  if (production) {
    const local = s.CORS_ORIGINS.filter((o) => /localhost|127\.0\.0\.1|\[::1\]/.test(o))
    if (local.length > 0) {
      problems.push(
        `CORS_ORIGINS: production refuses local origins (${local.join(', ')}); list the real site origins`,
      )
    }
  }
  if ((mode === 'server' || production) && !hasProvider(s)) {
    problems.push(
      'OPENAI_API_KEY, ANTHROPIC_API_KEY or LOCAL_MODEL_BASE_URL: a server needs at least one AI provider; set a key or the base URL of a local OpenAI-compatible server',
    )
  }
  return problems
}

function withoutInvalid(
  values: Record<string, unknown>,
  error: z.ZodError,
): Record<string, unknown> {
  const invalid = new Set(error.issues.map((issue) => issue.path[0]))
  return Object.fromEntries(Object.entries(values).filter(([name]) => !invalid.has(name)))
}

export function readSettingsFile(
  dataDir: string,
  problems: string[] = [],
): Record<string, unknown> {
  const file = join(dataDir, SETTINGS_FILE)
  if (!existsSync(file)) return {}
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${file}: must hold a JSON object of settings`)
      return {}
    }
    const unknown = Object.keys(value).filter((k) => !SETTING_NAMES.includes(k as never))
    if (unknown.length > 0) {
      problems.push(`${file}: unknown settings ${unknown.join(', ')}; see the README for the names`)
    }
    return value as Record<string, unknown>
  } catch (error) {
    problems.push(`${file}: is not valid JSON (${(error as Error).message})`)
    return {}
  }
}

function pickKnown(env: Record<string, string | undefined>): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const name of SETTING_NAMES) {
    const value = env[name]
    if (value !== undefined) picked[name] = value
  }
  return picked
}

/** One `configuration` error listing every problem, one a line. */
export function configurationError(problems: string[]): AppError {
  const list = problems.map((p) => `  - ${p}`).join('\n')
  return new AppError('configuration', `NarraForge cannot start; fix these settings:\n${list}`, {
    details: { problems },
  })
}
