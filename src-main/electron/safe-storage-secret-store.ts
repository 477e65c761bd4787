import { safeStorage } from 'electron'
import type { Logger } from '../core/logging/logger'
import { createFileSecretStore } from '../core/secrets/file-secret-store'
import type { SecretStore } from '../core/secrets/secret-store'
import { createEncryptedSecretStore } from './encrypted-secret-store'

/**
 * Secrets sealed with Electron's `safeStorage` (Keychain, DPAPI, libsecret/kwallet) in the
 * data folder's `secrets/`. Linux's `basic_text` backend encrypts with a fixed, public key,
 * so it counts as unavailable: an owner-only plain file is no weaker and says what it is.
 * Call after the app is ready.
 */
export function createSafeStorageSecretStore(dataDir: string, log: Logger): SecretStore {
  return createEncryptedSecretStore(
    createFileSecretStore(dataDir),
    {
      isAvailable: () =>
        safeStorage.isEncryptionAvailable() &&
        (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
      encrypt: (plain) => safeStorage.encryptString(plain),
      decrypt: (sealed) => safeStorage.decryptString(sealed),
    },
    log.child({ module: 'secrets' }),
  )
}
