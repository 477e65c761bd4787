import { create } from 'zustand'
import type { AuthResponse } from '@shared/contracts/auth'

export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out'

interface AuthSessionState {
  status: SessionStatus
  /** Kept in memory only: a page reload restores it through the refresh cookie or bridge. */
  accessToken: string | null
  /** Why the writer is signed out, so the sign-in screen can say their session ended. */
  endedBecause: 'expired' | 'signed-out' | null
  start(auth: AuthResponse): void
  end(reason: 'expired' | 'signed-out'): void
}

/** The access token and whether anyone is signed in. The user's data lives in react-query. */
export const useAuthSession = create<AuthSessionState>()((set) => ({
  status: 'restoring',
  accessToken: null,
  endedBecause: null,
  start: (auth) => set({ status: 'signed-in', accessToken: auth.access_token, endedBecause: null }),
  end: (reason) =>
    set((state) => ({
      status: 'signed-out',
      accessToken: null,
      endedBecause: state.status === 'signed-in' ? reason : null,
    })),
}))
