import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { assertSecretName, type SecretStore } from './secret-store'

export const SECRETS_FOLDER = 'secrets'

/**
 * Keeps each secret as `<dataDir>/secrets/<name>`, readable by its owner only (0600 files in
 * a 0700 folder). It is the fallback where no OS keychain is available: the protection is the
 * file system's, so the folder must not be shared.
 */
export function createFileSecretStore(dataDir: string): SecretStore {
  const folder = join(dataDir, SECRETS_FOLDER)
  const fileOf = (name: string) => {
    assertSecretName(name)
    return join(folder, name)
  }

  return {
    get(name) {
      const file = fileOf(name)
      return existsSync(file) ? readFileSync(file, 'utf8') : null
    },
    set(name, value) {
      const file = fileOf(name)
      if (value === null) {
        rmSync(file, { force: true })
        return
      }
      ensurePrivateFolder(folder)
      // Written beside and renamed, so a crash never leaves half a token behind.
      const partial = `${file}.partial`
      writeFileSync(partial, value, { mode: 0o600 })
      chmodSync(partial, 0o600)
      renameSync(partial, file)
    },
    has(name) {
      return existsSync(fileOf(name))
    },
  }
}

function ensurePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  // mkdir leaves an existing folder's mode alone, and older versions created it 0755.
  chmodSync(folder, 0o700)
}
