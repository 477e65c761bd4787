import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { STAGE_VALUES } from '@shared/contracts/catalog'
import { SettingsViewSchema, type SettingsView } from '@shared/contracts/settings'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, type Writer } from '../../testing/api-client'
import { startModelServer, type ModelServer } from '../../testing/model-server'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { SETTINGS_FILE } from '../config/load-settings'
import { JWT_SECRET_NAME } from '../config/jwt-secret'
import { SECRETS_FOLDER } from '../secrets/file-secret-store'
import type { SecretStore } from '../secrets/secret-store'
import { SettingsStore } from './settings-store'

const OPENAI_KEY = 'sk-test-0123456789abcd'

let core: TestCore
let writer: Writer
let server: ModelServer
beforeAll(async () => {
  core = await createTestCore()
  writer = await signUp(core)
  server = await startModelServer()
})
afterAll(async () => {
  await core.dispose()
  await server.close()
})

const settingsFile = () => join(core.dataDir, SETTINGS_FILE)
const secretFiles = () => readdirSync(join(core.dataDir, SECRETS_FOLDER)).sort()
const openaiOf = (view: Pick<SettingsView, 'providers'>) =>
  view.providers.find((p) => p.name === 'openai')

function patchSettings(body: unknown) {
  return writer.call('PATCH', '/api/settings', { body })
}

describe('settings', () => {
  it('starts with no provider and generation unavailable', async () => {
    const res = await writer.call('GET', '/api/settings')

    expect(res.status).toBe(200)
    const view = SettingsViewSchema.parse(res.json)
    expect(view.generation_available).toBe(false)
    expect(view.stage_models).toEqual({})
    expect(openaiOf(view)).toEqual({
      name: 'openai',
      configured: false,
      key_hint: null,
      base_url: null,
    })
  })

  it('keeps a new key in the secret store, shows only its last four characters', async () => {
    const res = await patchSettings({ providers: [{ name: 'openai', api_key: OPENAI_KEY }] })

    expect(res.status).toBe(200)
    expect(res.json.generation_available).toBe(true)
    const stages = Object.keys(SettingsViewSchema.parse(res.json).stage_models)
    expect(stages.sort()).toEqual([...STAGE_VALUES].sort())
    expect(openaiOf(res.json)).toMatchObject({ configured: true, key_hint: '…abcd' })
    expect(secretFiles()).toContain('OPENAI_API_KEY')
    expect(readFileSync(join(core.dataDir, SECRETS_FOLDER, 'OPENAI_API_KEY'), 'utf8')).toBe(
      OPENAI_KEY,
    )
    expect(readFileSync(settingsFile(), 'utf8')).not.toContain(OPENAI_KEY)

    const read = await writer.call('GET', '/api/settings')
    expect(read.text).not.toContain(OPENAI_KEY)
    expect(openaiOf(read.json)!.key_hint).toBe('…abcd')
  })

  it('shows no hint for a key of eight characters or fewer, which four would half reveal', async () => {
    const res = await patchSettings({ providers: [{ name: 'anthropic', api_key: 'sk-12345' }] })

    expect(res.status).toBe(200)
    const anthropic = res.json.providers.find((p: { name: string }) => p.name === 'anthropic')
    expect(anthropic).toMatchObject({ configured: true, key_hint: null })
    expect(res.text).not.toContain('2345')
    await patchSettings({ providers: [{ name: 'anthropic', api_key: '' }] })
  })

  it.each([
    ['a negative price', { 'gpt-4o': { input: -1, output: 10 } }],
    ['a price without a model name', { '': { input: 1, output: 2 } }],
  ])(
    'refuses %s with 422 and leaves settings.json and the keys as they were',
    async (_, prices) => {
      await patchSettings({ worker_concurrency: 2 })
      const before = readFileSync(settingsFile(), 'utf8')

      const res = await patchSettings({
        providers: [{ name: 'anthropic', api_key: 'sk-ant-should-not-stay' }],
        prices,
      })

      expect(res.status).toBe(422)
      expect(readFileSync(settingsFile(), 'utf8')).toBe(before)
      expect(secretFiles()).not.toContain('ANTHROPIC_API_KEY')
      expect((await writer.call('GET', '/api/settings')).json.worker_concurrency).toBe(2)
    },
  )

  it('says a provider answers when its server does', async () => {
    await patchSettings({
      providers: [{ name: 'openai', api_key: OPENAI_KEY, base_url: server.openaiBaseUrl }],
    })

    const res = await writer.call('POST', '/api/settings/providers/openai/test')

    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      ok: true,
      detail: 'OpenAI answers',
      code: 'provider_answers',
      params: { provider: 'openai' },
    })
    expect(res.json.latency_ms).toBeGreaterThanOrEqual(0)
  })

  it('says why a provider does not answer when its server is down or gone', async () => {
    await patchSettings({
      providers: [{ name: 'openai', api_key: OPENAI_KEY, base_url: server.openaiBaseUrl }],
    })
    server.setDown(true)
    const down = await writer.call('POST', '/api/settings/providers/openai/test')
    server.setDown(false)

    const gone = await startModelServer()
    await gone.close()
    await patchSettings({ providers: [{ name: 'openai', base_url: gone.openaiBaseUrl }] })
    const refused = await writer.call('POST', '/api/settings/providers/openai/test')

    for (const res of [down, refused]) {
      expect(res.status).toBe(200)
      expect(res.json).toMatchObject({ ok: false, code: 'provider_failed' })
      expect(res.json.detail).toMatch(/^OpenAI: ./)
    }
    // Named, so the window can say it in the writer's language.
    expect(refused.json.params).toMatchObject({ provider: 'openai', cause: 'connection' })
  })

  it('reports a provider that is not set up instead of trying it', async () => {
    const res = await writer.call('POST', '/api/settings/providers/anthropic/test')

    expect(res.json).toEqual({
      ok: false,
      detail: 'Anthropic is not set up yet',
      code: 'provider_not_set_up',
      params: { provider: 'anthropic' },
      latency_ms: 0,
    })
  })
})

describe('settings on a server', () => {
  it('are read-only: they come from the environment', async () => {
    const serverCore = await createTestCore({
      mode: 'server',
      env: { OPENAI_API_KEY: 'sk-server-key-wxyz' },
    })
    try {
      const admin = await signUp(serverCore)

      const view = await admin.call('GET', '/api/settings')
      const res = await admin.call('PATCH', '/api/settings', { body: { worker_concurrency: 4 } })

      expect(openaiOf(view.json)).toMatchObject({ configured: true, key_hint: '…wxyz' })
      expect(view.text).not.toContain('sk-server-key-wxyz')
      expect(res.status).toBe(403)
      expect(existsSync(join(serverCore.dataDir, SETTINGS_FILE))).toBe(false)
    } finally {
      await serverCore.dispose()
    }
  })
})

describe('the generated JWT secret', () => {
  it('is kept in the secret store the core was given, not in a plain file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'narraforge-jwt-'))
    try {
      const sealed = new Map<string, string>()
      const secrets: SecretStore = {
        get: (name) => sealed.get(name) ?? null,
        set: (name, value) => void (value === null ? sealed.delete(name) : sealed.set(name, value)),
        has: (name) => sealed.has(name),
      }

      const store = new SettingsStore({ mode: 'desktop', dataDir, env: {}, secrets })

      expect(sealed.get(JWT_SECRET_NAME)).toBe(store.current().jwtSecret)
      expect(existsSync(join(dataDir, SECRETS_FOLDER))).toBe(false)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
