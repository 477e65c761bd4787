import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_JWT_SECRET } from '../../testing/test-core'
import { AppError } from '../errors/app-error'
import { findJwtSecretProblem } from './jwt-secret'
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
    [
      'the predecessor’s 50-character placeholder',
      'change-this-secret-key-in-production-min-32-chars',
    ],
    ['one character repeated', 'a'.repeat(40)],
    ['two characters alternating', 'ab'.repeat(24)],
  ])('refuses %s', (_name, secret) => {
    const problems = problemsOf({ JWT_SECRET_KEY: secret })

    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^JWT_SECRET_KEY /)
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

  it('is generated on the desktop when none is set, readable by its owner only, and reused', () => {
    const first = load({}).jwtSecret
    const file = join(dataDir, 'secrets', 'jwt-secret')

    expect(findJwtSecretProblem(first)).toBeNull()
    expect(readFileSync(file, 'utf8')).toBe(first)
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(load({}).jwtSecret).toBe(first)
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
