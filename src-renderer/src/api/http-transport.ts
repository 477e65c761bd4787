import type { Transport, TransportRequest, TransportResponse } from './transport'

const CSRF_COOKIE = 'nf_csrf'

/**
 * Browser mode: plain `fetch` to the same origin. The server keeps the refresh token in an
 * httpOnly cookie and checks a double-submit CSRF token on refresh and logout.
 */
export function createHttpTransport(baseUrl = ''): Transport {
  return {
    kind: 'http',
    async send(request: TransportRequest): Promise<TransportResponse> {
      const response = await fetch(`${baseUrl}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        credentials: 'same-origin',
      })
      const headers: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value
      })
      return {
        status: response.status,
        headers,
        text: () => response.text(),
        blob: () => response.blob(),
      }
    },
    sessionHeaders() {
      const csrf = readCookie(CSRF_COOKIE)
      return {
        'X-NarraForge-Client': 'browser',
        ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      }
    },
    mayHaveSession: () => readCookie(CSRF_COOKIE) !== null,
  }
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}
