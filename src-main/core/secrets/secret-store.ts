import { AppError } from '../errors/app-error'

/**
 * Where the app keeps small secrets (the desktop session's refresh token, provider keys). The
 * core only knows this interface; the desktop shell supplies an OS-encrypted implementation and
 * plain Node falls back to owner-only files.
 */
export interface SecretStore {
  /** The stored value, or null when there is none (or it can no longer be read). */
  get(name: string): string | null
  /** Stores the value; `null` removes it. */
  set(name: string, value: string | null): void
  has(name: string): boolean
}

/** Names become file names, so they are kept to a safe alphabet with no path separators. */
const SECRET_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i

/** Refuses names that could escape the secrets folder or collide with hidden files. */
export function assertSecretName(name: string): void {
  if (!SECRET_NAME.test(name) || name.includes('..')) {
    throw new AppError('validation', `Invalid secret name ${JSON.stringify(name)}`)
  }
}
