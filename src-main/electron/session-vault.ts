import type { SessionVault } from './bridge-handler'

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
