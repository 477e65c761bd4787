import type { AuthResponse } from '@shared/contracts/auth'
import { errorFromResponse, networkError } from './api-error'
import type { HttpMethod, Transport, TransportRequest, TransportResponse } from './transport'

/** What the client needs from the session: the token to send and where to put a new one. */
export interface SessionPort {
  accessToken(): string | null
  /** A session started or was renewed. */
  started(auth: AuthResponse): void
  /** Renewing failed: the writer has to sign in again. */
  ended(): void
}

export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: HttpMethod
  /** Path under `/api`, e.g. `/projects/123`. */
  path: string
  query?: Record<string, QueryValue>
  body?: unknown
  /**
   * `bearer` (default) sends the access token and renews it once on a 401; `session` is for
   * the calls that start or end a session: no token, the transport's session headers instead.
   */
  auth?: 'bearer' | 'session'
  /** Statuses that carry data rather than an error, like readiness's 503. */
  acceptStatus?: number[]
}

export interface Download {
  blob: Blob
  filename: string | null
}

export type ApiClient = ReturnType<typeof createApiClient>

/**
 * The one way the renderer calls the API. A 401 triggers one refresh, shared by every call
 * that hit it at the same time, and one retry; a refresh that fails ends the session.
 */
export function createApiClient(transport: Transport, session: SessionPort) {
  let renewing: Promise<boolean> | null = null

  async function transmit(options: RequestOptions): Promise<TransportResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    const token = session.accessToken()
    if (options.auth === 'session') Object.assign(headers, transport.sessionHeaders())
    else if (token) headers.Authorization = `Bearer ${token}`

    const request: TransportRequest = {
      method: options.method ?? 'GET',
      path: `/api${options.path}${queryString(options.query)}`,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }
    try {
      return await transport.send(request)
    } catch (error) {
      throw networkError(error)
    }
  }

  async function renewSession(): Promise<boolean> {
    const response = await transmit({
      method: 'POST',
      path: '/auth/refresh',
      body: {},
      auth: 'session',
    })
    if (response.status !== 200) {
      session.ended()
      return false
    }
    session.started(JSON.parse(await response.text()) as AuthResponse)
    return true
  }

  /** Renews the access token; concurrent callers share one request. */
  function refresh(): Promise<boolean> {
    renewing ??= renewSession().finally(() => {
      renewing = null
    })
    return renewing
  }

  async function send(options: RequestOptions): Promise<TransportResponse> {
    let response = await transmit(options)
    if (response.status === 401 && options.auth !== 'session') {
      if (!(await refresh())) throw await errorFromResponse(response)
      response = await transmit(options)
      if (response.status === 401) session.ended()
    }
    const accepted = options.acceptStatus?.includes(response.status) ?? false
    if (!accepted && (response.status < 200 || response.status >= 300)) {
      throw await errorFromResponse(response)
    }
    return response
  }

  async function request<T>(options: RequestOptions): Promise<T> {
    const response = await send(options)
    if (response.status === 204) return undefined as T
    const text = await response.text()
    const type = response.headers['content-type'] ?? ''
    if (type.includes('json')) return (text ? JSON.parse(text) : undefined) as T
    return text as T
  }

  async function download(path: string): Promise<Download> {
    const response = await send({ path })
    return { blob: await response.blob(), filename: filenameOf(response.headers) }
  }

  return { request, download, refresh }
}

export function queryString(query: RequestOptions['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The file name from `Content-Disposition`, preferring the RFC 5987 `filename*` form. */
export function filenameOf(headers: Record<string, string>): string | null {
  const value = headers['content-disposition']
  if (!value) return null
  const extended = /filename\*\s*=\s*([^']*)''([^;]+)/i.exec(value)
  if (extended?.[2]) return decodeURIComponent(extended[2].trim())
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(value)
  return plain?.[1]?.trim() ?? null
}
