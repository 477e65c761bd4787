import { z } from 'zod'
import type { Logger } from '../core/logging/logger'
import type { SecretStore } from '../core/secrets/secret-store'
import type { SessionVault } from './bridge-handler'

/** The secret that holds the desktop session between runs. */
export const SESSION_SECRET = 'desktop-session'

const StoredSessionSchema = z.object({ token: z.string().min(1), user_id: z.string().nullable() })

/** The refresh token for this run, held in the main process only. */
export function createMemoryVault(): SessionVault {
  let token: string | null = null
  let user: string | null = null
  return {
    get: () => token,
    userId: () => user,
    set(next, userId) {
      token = next
      user = userId
    },
  }
}

/**
 * A vault that also writes the refresh token to the secret store, so the writer stays signed
 * in across restarts. The renderer still never sees the token.
 */
export function createPersistentVault(store: SecretStore, log: Logger): SessionVault {
  const memory = createMemoryVault()
  const saved = readSession(store, log)
  if (saved) memory.set(saved.token, saved.user_id)

  return {
    get: memory.get,
    userId: memory.userId,
    set(token, userId) {
      memory.set(token, token ? userId : null)
      store.set(SESSION_SECRET, token ? JSON.stringify({ token, user_id: userId }) : null)
    },
  }
}

function readSession(store: SecretStore, log: Logger): z.infer<typeof StoredSessionSchema> | null {
  const raw = store.get(SESSION_SECRET)
  if (raw === null) return null
  try {
    return StoredSessionSchema.parse(JSON.parse(raw))
  } catch {
    // An unreadable session only means signing in again; the bad value is dropped.
    log.warn('the saved desktop session could not be read; signing in is needed')
    store.set(SESSION_SECRET, null)
    return null
  }
}
