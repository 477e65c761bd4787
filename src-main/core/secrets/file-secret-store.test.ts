import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileSecretStore } from './file-secret-store'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'narraforge-secrets-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('file secret store', () => {
  it('round-trips a value and reports it present', () => {
    const store = createFileSecretStore(dataDir)
    expect(store.get('session')).toBeNull()
    expect(store.has('session')).toBe(false)

    store.set('session', 'r3fresh-tökén')

    expect(store.has('session')).toBe(true)
    expect(store.get('session')).toBe('r3fresh-tökén')
    expect(createFileSecretStore(dataDir).get('session')).toBe('r3fresh-tökén')
  })

  it.skipIf(process.platform === 'win32')('keeps files owner-only in an owner-only folder', () => {
    createFileSecretStore(dataDir).set('session', 'value')

    expect(statSync(join(dataDir, 'secrets')).mode & 0o777).toBe(0o700)
    expect(statSync(join(dataDir, 'secrets', 'session')).mode & 0o777).toBe(0o600)
  })

  it('overwrites in place and removes on null', () => {
    const store = createFileSecretStore(dataDir)
    store.set('token', 'first')
    store.set('token', 'second')
    expect(readFileSync(join(dataDir, 'secrets', 'token'), 'utf8')).toBe('second')

    store.set('token', null)

    expect(store.has('token')).toBe(false)
    expect(store.get('token')).toBeNull()
    store.set('token', null)
  })

  it('refuses names that would leave the secrets folder', () => {
    const store = createFileSecretStore(dataDir)
    for (const name of ['../escape', 'a/b', '', '.hidden', 'a..b']) {
      expect(() => store.set(name, 'x'), name).toThrow(/Invalid secret name/)
    }
  })
})
