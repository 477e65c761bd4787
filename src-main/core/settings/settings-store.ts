import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SettingsUpdate, SettingsView } from '@shared/contracts/settings'
import { AppError } from '../errors/app-error'
import { priceTableOf, resolveStageModels } from '../jobs/stage-models'
import type { SecretStore } from '../secrets/secret-store'
import { hasProvider, loadSettings, readSettingsFile, SETTINGS_FILE } from '../config/load-settings'
import type { RunMode, Settings } from '../config/settings-schema'

/** Provider keys live in the secret store, never in settings.json. */
const KEY_SETTINGS = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  local: 'LOCAL_MODEL_API_KEY',
} as const
const URL_SETTINGS = {
  openai: 'OPENAI_BASE_URL',
  anthropic: 'ANTHROPIC_BASE_URL',
  local: 'LOCAL_MODEL_BASE_URL',
} as const

/** Keys this short would give away half of themselves in a four-character hint. */
const MIN_HINTED_KEY_LENGTH = 9

export interface SettingsStoreOptions {
  mode: RunMode
  dataDir: string
  env?: Record<string, string | undefined>
  secrets: SecretStore
}

/**
 * The live settings: loaded at start, changed from the settings screen, written back to
 * `settings.json` (and keys to the secret store), then re-validated as a whole so a change can
 * never leave the app with settings it would refuse at start.
 */
export class SettingsStore {
  private settings: Settings

  constructor(private readonly options: SettingsStoreOptions) {
    this.settings = this.load()
  }

  current = (): Settings => this.settings

  view(): SettingsView {
    const s = this.settings
    const prices = priceTableOf(s)
    return {
      providers: (['openai', 'anthropic', 'local'] as const).map((name) => {
        const key = s[KEY_SETTINGS[name]]
        const url = s[URL_SETTINGS[name]]
        return {
          name,
          configured: name === 'local' ? Boolean(url) : Boolean(key),
          key_hint: keyHint(key),
          base_url: url ?? null,
        }
      }),
      fallback_provider: s.PROVIDER_FALLBACK || null,
      stage_models: resolveStageModels(s) ?? s.STAGE_MODELS,
      prices,
      worker_concurrency: s.WORKER_CONCURRENCY,
      job_budget_usd: s.JOB_BUDGET_USD,
      backup_keep: s.BACKUP_KEEP,
      data_dir: this.options.dataDir,
      generation_available: hasProvider(s),
    }
  }

  update(change: SettingsUpdate): SettingsView {
    if (this.options.mode === 'server') {
      throw new AppError(
        'forbidden',
        'On a server, settings come from its environment; ask its operator',
      )
    }
    const file = readSettingsFile(this.options.dataDir)
    const previousSecrets = new Map<string, string | null>()
    for (const p of change.providers ?? []) {
      if (p.api_key !== undefined) {
        const name = KEY_SETTINGS[p.name]
        previousSecrets.set(name, this.options.secrets.get(name))
        this.options.secrets.set(name, p.api_key === '' ? null : p.api_key)
      }
      if (p.base_url !== undefined)
        file[URL_SETTINGS[p.name]] = p.base_url === '' ? undefined : p.base_url
    }
    if (change.fallback_provider !== undefined)
      file.PROVIDER_FALLBACK = change.fallback_provider ?? ''
    if (change.stage_models)
      file.STAGE_MODELS = { ...(file.STAGE_MODELS as object), ...change.stage_models }
    if (change.prices) file.PRICES = change.prices
    if (change.worker_concurrency !== undefined) file.WORKER_CONCURRENCY = change.worker_concurrency
    if (change.job_budget_usd !== undefined) file.JOB_BUDGET_USD = change.job_budget_usd
    if (change.backup_keep !== undefined) file.BACKUP_KEEP = change.backup_keep

    const path = join(this.options.dataDir, SETTINGS_FILE)
    const before = readSettingsFile(this.options.dataDir)
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 })
    try {
      this.settings = this.load()
    } catch (error) {
      // Put everything back: a refused change must not stick.
      writeFileSync(path, `${JSON.stringify(before, null, 2)}\n`, { mode: 0o600 })
      for (const [name, value] of previousSecrets) this.options.secrets.set(name, value)
      throw new AppError('validation', (error as Error).message, { cause: error })
    }
    return this.view()
  }

  private load(): Settings {
    return loadSettings({
      mode: this.options.mode,
      dataDir: this.options.dataDir,
      env: this.options.env,
      secrets: readProviderKeys(this.options.secrets),
      secretStore: this.options.secrets,
    })
  }
}

/** The provider keys the settings screen put in the secret store, by setting name. */
export function readProviderKeys(store: SecretStore): Record<string, string | undefined> {
  const keys: Record<string, string | undefined> = {}
  for (const name of Object.values(KEY_SETTINGS)) keys[name] = store.get(name) ?? undefined
  return keys
}

/** The last four characters of a key long enough that they reveal little; else nothing. */
function keyHint(key: string | undefined): string | null {
  return key && key.length >= MIN_HINTED_KEY_LENGTH ? `…${key.slice(-4)}` : null
}
