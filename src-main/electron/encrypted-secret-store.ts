import type { Logger } from '../core/logging/logger'
import type { SecretStore } from '../core/secrets/secret-store'

/** What the OS keychain offers; Electron's `safeStorage` in the app, a fake in tests. */
export interface Cipher {
  isAvailable(): boolean
  encrypt(plain: string): Buffer
  decrypt(sealed: Buffer): string
}

/** Sealed values sit beside plain ones under their own name, so either kind can be found. */
const SEALED = '.sealed'

/**
 * Keeps secrets encrypted by the OS keychain when it is available, and in the owner-only
 * plain files underneath when it is not (a Linux session without a keyring), saying so once
 * at warn; those are sealed once the keychain is there again. Values are never logged.
 */
export function createEncryptedSecretStore(
  files: SecretStore,
  cipher: Cipher,
  log: Logger,
): SecretStore {
  let warned = false
  const canEncrypt = () => {
    const available = cipher.isAvailable()
    if (!available && !warned) {
      warned = true
      log.warn('OS encryption is unavailable; secrets are kept in files readable by this user only')
    }
    return available
  }

  // A value written while the keychain was away (a session without a keyring) is sealed
  // the first time it is read with the keychain back, and its plain file removed.
  const sealPlain = (name: string): string | null => {
    const plain = files.get(name)
    if (plain === null || !canEncrypt()) return plain
    try {
      files.set(name + SEALED, cipher.encrypt(plain).toString('base64'))
      files.set(name, null)
      log.info({ name }, 'a secret kept in a plain file is now sealed by the OS keychain')
    } catch (error) {
      log.warn({ name, err: error }, 'a secret kept in a plain file could not be sealed')
    }
    return plain
  }

  return {
    get(name) {
      const sealed = files.get(name + SEALED)
      if (sealed === null) return sealPlain(name)
      if (!canEncrypt()) return files.get(name)
      try {
        return cipher.decrypt(Buffer.from(sealed, 'base64'))
      } catch {
        // Sealed under another keychain (a restored profile, a reset keyring): it cannot be
        // read again, and the writer is simply asked to sign in.
        log.warn({ name }, 'a stored secret could not be decrypted and is ignored')
        return null
      }
    },
    set(name, value) {
      if (value === null) {
        files.set(name + SEALED, null)
        files.set(name, null)
      } else if (canEncrypt()) {
        files.set(name + SEALED, cipher.encrypt(value).toString('base64'))
        files.set(name, null)
      } else {
        files.set(name, value)
        files.set(name + SEALED, null)
      }
    },
    has: (name) => files.has(name + SEALED) || files.has(name),
  }
}
