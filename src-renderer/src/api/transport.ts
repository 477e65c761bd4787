import type { BridgeRequest } from '@shared/contracts/bridge'

export type HttpMethod = BridgeRequest['method']

/** One request as the client hands it to a transport; `path` starts with `/api/`. */
export interface TransportRequest {
  method: HttpMethod
  path: string
  headers: Record<string, string>
  body?: string
}

/** A response whose body is read once, as text or as a Blob (exports). */
export interface TransportResponse {
  status: number
  /** Header names in lower case. */
  headers: Record<string, string>
  text(): Promise<string>
  blob(): Promise<Blob>
}

/**
 * How requests leave the renderer: `fetch` in a browser, the preload bridge in Electron. The
 * two differ in how the refresh token travels, which `sessionHeaders` expresses.
 */
export interface Transport {
  readonly kind: 'http' | 'ipc'
  send(request: TransportRequest): Promise<TransportResponse>
  /** Extra headers for the calls that start, renew or end a session. */
  sessionHeaders(): Record<string, string>
  /** Whether a stored session may exist, so restoring it on start-up is worth a request. */
  mayHaveSession(): boolean
}
