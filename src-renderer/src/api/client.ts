import type { NarraForgeBridge } from '@shared/contracts/bridge'
import { createApiClient, type Download, type RequestOptions } from './api-client'
import { useAuthSession } from './auth-session'
import { createHttpTransport } from './http-transport'
import { createIpcTransport } from './ipc-transport'

declare global {
  interface Window {
    /** Present only inside the Electron window, exposed by the preload. */
    narraforge?: NarraForgeBridge
  }
}

// Read through globalThis so the module also loads in unit tests, where there is no window.
const bridge = (globalThis as { window?: Window }).window?.narraforge

/** The preload bridge in Electron, `fetch` to the same origin in browser mode. */
export const transport = bridge ? createIpcTransport(bridge) : createHttpTransport()

const client = createApiClient(transport, {
  accessToken: () => useAuthSession.getState().accessToken,
  started: (auth) => useAuthSession.getState().start(auth),
  ended: () => useAuthSession.getState().end('expired'),
})

/** Calls the API; resolves with the parsed body or rejects with an `ApiError`. */
export function apiRequest<T>(options: RequestOptions): Promise<T> {
  return client.request<T>(options)
}

/** Fetches a file (an export) with the file name the server suggests. */
export function apiDownload(path: string): Promise<Download> {
  return client.download(path)
}

/** Renews the access token, once for all callers; false when the session is gone. */
export function refreshSession(): Promise<boolean> {
  return client.refresh()
}

/** On start-up: resume a stored session if there may be one, else show the sign-in screen. */
export async function restoreSession(): Promise<void> {
  if (!transport.mayHaveSession()) {
    useAuthSession.getState().end('signed-out')
    return
  }
  try {
    await client.refresh()
  } catch {
    // No answer at all (the server is not up yet): signing in again will tell the writer why.
    useAuthSession.getState().end('signed-out')
  }
}
