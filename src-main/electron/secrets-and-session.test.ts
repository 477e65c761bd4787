import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileSecretStore } from '../core/secrets/file-secret-store'
import { createEncryptedSecretStore, type Cipher } from './encrypted-secret-store'
import { createPersistentVault, SESSION_SECRET } from './session-vault'

let dataDir: string
let lines: { level: number; msg: string }[]
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'narraforge-vault-'))
  lines = []
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** A logger that keeps its lines, to check what was said and that no value was. */
function recordingLogger() {
  return pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) })
}

/** Reversible stand-in for the OS keychain; a different `key` cannot open another's values. */
function fakeCipher(key: string, available = true): Cipher {
  return {
    isAvailable: () => available,
    encrypt: (plain) => Buffer.from(`${key}:${Buffer.from(plain).toString('hex')}`),
    decrypt(sealed) {
      const [k, hex] = sealed.toString().split(':')
      if (k !== key) throw new Error('Error while decrypting the ciphertext')
      return Buffer.from(hex!, 'hex').toString()
    },
  }
}

const files = () => readdirSync(join(dataDir, 'secrets')).sort()

describe('encrypted secret store', () => {
  it('seals values with the keychain and never writes them in the clear', () => {
    const store = createEncryptedSecretStore(
      createFileSecretStore(dataDir),
      fakeCipher('k1'),
      recordingLogger(),
    )
    store.set('api-key', 'sk-very-secret')

    expect(files()).toEqual(['api-key.sealed'])
    expect(readFileSync(join(dataDir, 'secrets', 'api-key.sealed'), 'utf8')).not.toContain(
      'sk-very-secret',
    )
    expect(store.get('api-key')).toBe('sk-very-secret')
    store.set('api-key', null)
    expect(store.has('api-key')).toBe(false)
  })

  it('falls back to owner-only plain files without a keychain, warning once and never logging values', () => {
    const store = createEncryptedSecretStore(
      createFileSecretStore(dataDir),
      fakeCipher('k1', false),
      recordingLogger(),
    )
    store.set('a', 'value-one')
    store.set('b', 'value-two')

    expect(files()).toEqual(['a', 'b'])
    expect(store.get('a')).toBe('value-one')
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1)
    expect(JSON.stringify(lines)).not.toMatch(/value-one|value-two/)
  })

  it('seals a value kept in a plain file once the keychain is available again', () => {
    createEncryptedSecretStore(
      createFileSecretStore(dataDir),
      fakeCipher('k1', false),
      recordingLogger(),
    ).set('session', 'refresh-abc')
    expect(files()).toEqual(['session'])

    const store = createEncryptedSecretStore(
      createFileSecretStore(dataDir),
      fakeCipher('k1'),
      recordingLogger(),
    )

    expect(store.get('session')).toBe('refresh-abc')
    expect(files()).toEqual(['session.sealed'])
    expect(readFileSync(join(dataDir, 'secrets', 'session.sealed'), 'utf8')).not.toContain(
      'refresh-abc',
    )
    expect(store.get('session')).toBe('refresh-abc')
    expect(JSON.stringify(lines)).not.toContain('refresh-abc')
  })

  it('treats a value sealed by another keychain as absent', () => {
    createEncryptedSecretStore(
      createFileSecretStore(dataDir),
      fakeCipher('old'),
      recordingLogger(),
    ).set('t', 'x')
    const store = createEncryptedSecretStore(
      createFileSecretStore(dataDir),
      fakeCipher('new'),
      recordingLogger(),
    )
    expect(store.get('t')).toBeNull()
  })
})

describe('persistent session vault', () => {
  it('keeps the session across a restart and forgets it on sign-out', () => {
    const store = () =>
      createEncryptedSecretStore(createFileSecretStore(dataDir), fakeCipher('k'), recordingLogger())
    createPersistentVault(store(), recordingLogger()).set('refresh-123', 'user-1')

    const afterRestart = createPersistentVault(store(), recordingLogger())
    expect(afterRestart.get()).toBe('refresh-123')
    expect(afterRestart.userId()).toBe('user-1')

    afterRestart.set(null, null)
    const signedOut = createPersistentVault(store(), recordingLogger())
    expect([signedOut.get(), signedOut.userId()]).toEqual([null, null])
    expect(store().has(SESSION_SECRET)).toBe(false)
  })

  it('drops a damaged saved session instead of failing to start', () => {
    const store = createFileSecretStore(dataDir)
    store.set(SESSION_SECRET, '{not json')

    const vault = createPersistentVault(store, recordingLogger())

    expect(vault.get()).toBeNull()
    expect(store.has(SESSION_SECRET)).toBe(false)
  })
})
