import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_JWT_SECRET } from '../../testing/test-core'
import { AppError } from '../errors/app-error'
import { SECRETS_FOLDER } from '../secrets/file-secret-store'
import type { SecretStore } from '../secrets/secret-store'
import { findJwtSecretProblem, JWT_SECRET_NAME } from './jwt-secret'
import { loadSettings, SETTINGS_FILE } from './load-settings'
import type { RunMode } from './settings-schema'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'narraforge-settings-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

function load(env: Record<string, string>, mode: RunMode = 'desktop') {
  return loadSettings({ mode, dataDir, env })
}

/** The problems a refused configuration lists. */
function problemsOf(env: Record<string, string>, mode: RunMode = 'desktop'): string[] {
  try {
    load(env, mode)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).kind).toBe('configuration')
    return (error as AppError).details?.problems as string[]
  }
  throw new Error('the settings were accepted')
}

/** A secret store that keeps its values in memory, as an OS keychain would keep them away. */
function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>()
  return {
    get: (name) => values.get(name) ?? null,
    set: (name, value) => void (value === null ? values.delete(name) : values.set(name, value)),
    has: (name) => values.has(name),
  }
}

function writeSettingsFile(content: string): void {
  writeFileSync(join(dataDir, SETTINGS_FILE), content)
}

describe('loading settings', () => {
  it('reports every problem at once', () => {
    const problems = problemsOf({ RATE_LIMIT_PER_MINUTE: 'abc', JWT_SECRET_KEY: 'short' })

    expect(problems).toHaveLength(2)
    expect(problems.some((p) => p.startsWith('RATE_LIMIT_PER_MINUTE'))).toBe(true)
    expect(problems.some((p) => p.startsWith('JWT_SECRET_KEY'))).toBe(true)
  })

  it('names every problem in the message, one per line', () => {
    expect(() => load({ MAX_BODY_BYTES: '10', LOG_LEVEL: 'loud' })).toThrow(
      /MAX_BODY_BYTES[^\n]*\n[^\n]*LOG_LEVEL|LOG_LEVEL[^\n]*\n[^\n]*MAX_BODY_BYTES/,
    )
  })

  it.each([
    ['RATE_LIMIT_PER_MINUTE', 'abc', 'must be a whole number from 1 to 100000'],
    ['RATE_LIMIT_PER_MINUTE', '2.5', 'must be a whole number from 1 to 100000'],
    ['RATE_LIMIT_AUTH_PER_MINUTE', '0', 'must be a whole number from 1 to 1000'],
    ['TRUSTED_PROXY', 'maybe', 'must be true or false'],
    ['LOG_LEVEL', 'loud', 'must be one of trace, debug, info, warn, error, fatal'],
    ['ENVIRONMENT', 'prod', 'must be one of development, production, test'],
    ['PROVIDER_FALLBACK', 'mistral', 'must be openai, anthropic or local (or empty for none)'],
    ['JOB_BUDGET_USD', '-3', 'must be an amount of US dollars above 0 and at most 10000'],
    ['STAGE_MODELS', '{prose: gpt-4o}', 'must be JSON such as {"prose":'],
  ])('says what %s=%s should be instead', (name, value, expected) => {
    const problems = problemsOf({ JWT_SECRET_KEY: TEST_JWT_SECRET, [name]: value })

    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(`${name}: ${expected}`)
  })

  it('uses defaults where nothing is set', () => {
    const settings = load({ JWT_SECRET_KEY: TEST_JWT_SECRET })

    expect(settings).toMatchObject({
      mode: 'desktop',
      dataDir,
      jwtSecret: TEST_JWT_SECRET,
      RATE_LIMIT_PER_MINUTE: 60,
      RATE_LIMIT_AUTH_PER_MINUTE: 5,
      TRUSTED_PROXY: false,
      CORS_ORIGINS: [],
    })
  })
})

describe('the JWT secret', () => {
  it.each([
    ['changeme', 'changeme'],
    ['secret', 'secret'],
    ['your-secret-key', 'your-secret-key'],
  ])('refuses %s, which is short anyway', (_name, secret) => {
    const problems = problemsOf({ JWT_SECRET_KEY: secret })

    expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET_KEY has \d+ characters/)])
  })

  it.each([
    ['changeme padded to length', 'changeme-Xk29vLq8Pz4Rt7Wm1Nc5Bd3Fg6Hj0Ys'],
    ['secret padded to length', 'secret_Xk29vLq8Pz4Rt7Wm1Nc5Bd3Fg6Hj0Ys'],
    ['your-secret-key padded to length', 'your-secret-key-Xk29vLq8Pz4Rt7Wm1Nc5Bd3F'],
    ['a shouted placeholder', 'CHANGEME_IN_PRODUCTION_Xk29vLq8Pz4Rt7Wm'],
    [
      'the predecessor’s 50-character placeholder',
      'change-this-secret-key-in-production-min-32-chars',
    ],
  ])('refuses %s as a known placeholder, not for its length', (_name, secret) => {
    expect(secret.length).toBeGreaterThanOrEqual(32)

    const problems = problemsOf({ JWT_SECRET_KEY: secret })

    expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET_KEY is a known placeholder/)])
  })

  it.each([
    ['one character repeated', 'a'.repeat(40), /too few distinct/],
    ['two characters alternating', 'ab'.repeat(24), /too few distinct/],
    ['a ten-letter unit repeated', 'abcdefghijabcdefghijabcdefghijab', /repeats a 10-character/],
    ['the digits counted over and over', '0123456789012345678901234567890123', /repeats/],
    ['the keyboard rows in order', 'qwertyuiopasdfghjklzxcvbnm123456', /runs such as/],
    ['the alphabet', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef', /runs such as/],
    [
      'a random head with the alphabet behind it',
      'Xk29vLq8Pz4R-abcdefghijklmnopqrst',
      /runs such as/,
    ],
    ['a keyboard walk backwards', 'poiuytrewqlkjhgfdsamnbvcxz098765', /runs such as/],
  ])('refuses %s as too predictable', (_name, secret, reason) => {
    expect(secret.length).toBeGreaterThanOrEqual(32)

    const problems = problemsOf({ JWT_SECRET_KEY: secret })

    expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET_KEY is too predictable/)])
    expect(problems[0]).toMatch(reason)
  })

  it.each([
    ['openssl rand -hex 32', () => randomBytes(32).toString('hex')],
    ['48 random bytes in base64url', () => randomBytes(48).toString('base64url')],
    ['openssl rand -base64 32', () => randomBytes(32).toString('base64')],
  ])('accepts what %s prints', (_name, generate) => {
    for (let i = 0; i < 20; i++) {
      const secret = generate()
      expect(findJwtSecretProblem(secret), secret).toBeNull()
    }
  })

  it('knows the predecessor’s placeholder is long enough, and refuses it anyway', () => {
    const placeholder = 'change-this-secret-key-in-production-min-32-chars'

    expect(placeholder.length).toBeGreaterThanOrEqual(32)
    expect(findJwtSecretProblem(placeholder)).toMatch(/placeholder/)
  })

  it('accepts a random one', () => {
    expect(findJwtSecretProblem(TEST_JWT_SECRET)).toBeNull()
    expect(load({ JWT_SECRET_KEY: TEST_JWT_SECRET }).jwtSecret).toBe(TEST_JWT_SECRET)
  })

  it('is generated on the desktop when none is set, kept in the secret store, and reused', () => {
    const store = createMemorySecretStore()

    const first = loadSettings({ mode: 'desktop', dataDir, env: {}, secretStore: store }).jwtSecret

    expect(findJwtSecretProblem(first)).toBeNull()
    expect(store.get(JWT_SECRET_NAME)).toBe(first)
    expect(existsSync(join(dataDir, SECRETS_FOLDER))).toBe(false)
    expect(loadSettings({ mode: 'desktop', dataDir, env: {}, secretStore: store }).jwtSecret).toBe(
      first,
    )
  })

  it('falls back to a file readable by its owner only', () => {
    const first = load({}).jwtSecret
    const file = join(dataDir, SECRETS_FOLDER, JWT_SECRET_NAME)

    expect(readFileSync(file, 'utf8')).toBe(first)
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(load({}).jwtSecret).toBe(first)
  })

  it('moves a secret written as a plain file by an older version into the secret store', () => {
    const legacy = join(dataDir, SECRETS_FOLDER, 'jwt-secret')
    mkdirSync(join(dataDir, SECRETS_FOLDER))
    writeFileSync(legacy, `${TEST_JWT_SECRET}\n`)
    const store = createMemorySecretStore()

    const settings = loadSettings({ mode: 'desktop', dataDir, env: {}, secretStore: store })

    expect(settings.jwtSecret).toBe(TEST_JWT_SECRET)
    expect(store.get(JWT_SECRET_NAME)).toBe(TEST_JWT_SECRET)
    expect(existsSync(legacy)).toBe(false)
  })

  it('is required of a production server', () => {
    const problems = problemsOf({ ENVIRONMENT: 'production', OPENAI_API_KEY: 'sk-test' }, 'server')

    expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET_KEY: required in production/)])
  })
})

describe('mode rules', () => {
  const production = {
    ENVIRONMENT: 'production',
    JWT_SECRET_KEY: TEST_JWT_SECRET,
    OPENAI_API_KEY: 'sk-test',
  }

  it('refuses local CORS origins in production', () => {
    const problems = problemsOf({
      ...production,
      CORS_ORIGINS: 'https://narraforge.example, http://localhost:5173, http://127.0.0.1:8000',
    })

    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^CORS_ORIGINS/)
    expect(problems[0]).toContain('http://localhost:5173')
    expect(problems[0]).toContain('http://127.0.0.1:8000')
    expect(problems[0]).not.toContain('narraforge.example')
  })

  it('accepts real origins in production', () => {
    const settings = load({ ...production, CORS_ORIGINS: 'https://narraforge.example' })

    expect(settings.CORS_ORIGINS).toEqual(['https://narraforge.example'])
  })

  it('refuses a server without any AI provider', () => {
    const problems = problemsOf({ JWT_SECRET_KEY: TEST_JWT_SECRET }, 'server')

    expect(problems).toEqual([expect.stringContaining('at least one AI provider')])
  })

  it('lets the desktop start without a provider, for offline drafting', () => {
    expect(() => load({ JWT_SECRET_KEY: TEST_JWT_SECRET }, 'desktop')).not.toThrow()
  })

  it('accepts a server with only a local model server', () => {
    const settings = load(
      { JWT_SECRET_KEY: TEST_JWT_SECRET, LOCAL_MODEL_BASE_URL: 'http://127.0.0.1:11434/v1' },
      'server',
    )

    expect(settings.LOCAL_MODEL_BASE_URL).toBe('http://127.0.0.1:11434/v1')
  })
})

describe('settings.json', () => {
  it('reports a file that is not valid JSON, naming the file', () => {
    writeSettingsFile('{ "RATE_LIMIT_PER_MINUTE": 30, ')

    const problems = problemsOf({ JWT_SECRET_KEY: TEST_JWT_SECRET })

    expect(problems).toEqual([expect.stringMatching(/settings\.json: is not valid JSON/)])
  })

  it('reports unknown keys by name', () => {
    writeSettingsFile(JSON.stringify({ RATE_LIMIT_PER_MINUTE: 30, RATE_LIMT_AUTH: 3 }))

    const problems = problemsOf({ JWT_SECRET_KEY: TEST_JWT_SECRET })

    expect(problems).toEqual([expect.stringContaining('unknown settings RATE_LIMT_AUTH')])
  })

  it('reports a bad file together with a bad environment', () => {
    writeSettingsFile(JSON.stringify({ RATE_LIMT_AUTH: 3 }))

    const problems = problemsOf({ JWT_SECRET_KEY: 'changeme', TRUSTED_PROXY: 'maybe' })

    expect(problems).toHaveLength(3)
  })

  it('is read, and the environment overrides it', () => {
    writeSettingsFile(JSON.stringify({ RATE_LIMIT_PER_MINUTE: 30, RATE_LIMIT_AUTH_PER_MINUTE: 3 }))

    const settings = load({ JWT_SECRET_KEY: TEST_JWT_SECRET, RATE_LIMIT_PER_MINUTE: '90' })

    expect(settings.RATE_LIMIT_PER_MINUTE).toBe(90)
    expect(settings.RATE_LIMIT_AUTH_PER_MINUTE).toBe(3)
  })
})
