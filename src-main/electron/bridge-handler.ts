import { BridgeRequestSchema, type BridgeResponse } from '@shared/contracts/bridge'
import { COOKIE_CLIENT_HEADER } from '../core/auth/session-cookies'
import type { Core } from '../core/create-core'
import { AppError } from '../core/errors/app-error'

/** Keeps the refresh token in the main process; the renderer only ever sees access tokens. */
export interface SessionVault {
  get(): string | null
  /** The signed-in user, so push events reach only their window. */
  userId(): string | null
  set(token: string | null, userId: string | null): void
}

const ORIGIN = 'http://narraforge.desktop'
const REFRESH = '/api/auth/refresh'
const LOGOUT = '/api/auth/logout'
/**
 * Headers the renderer may not set. The cookie-session switch would move the refresh token
 * into a `set-cookie` header, and a cookie could present a token the vault never issued;
 * framing headers would let a body claim a size it does not have and slip past the limits.
 */
const REFUSED_REQUEST_HEADERS = new Set([
  COOKIE_CLIENT_HEADER,
  'cookie',
  'content-length',
  'transfer-encoding',
  'host',
])
/** The desktop keeps its session in the vault: no cookie reaches the window. */
const REFUSED_RESPONSE_HEADERS = new Set(['set-cookie'])
/**
 * Media types sent as text. Matched on the whole type: a substring test would take DOCX
 * (`…openxmlformats…`) for XML and corrupt it by decoding its bytes as UTF-8.
 */
const TEXT_TYPE = /^(text\/[\w.+-]+|application\/([\w.-]+\+)?(json|xml))$/

/**
 * Answers one bridged request with the core's `fetch`, so it passes exactly the middleware an
 * HTTP request would. Plain Node: it is tested without Electron.
 */
export async function handleBridgeRequest(
  core: Core,
  vault: SessionVault,
  windowId: string,
  raw: unknown,
): Promise<BridgeResponse> {
  const parsed = BridgeRequestSchema.safeParse(raw)
  if (!parsed.success) throw new AppError('validation', 'Malformed bridge request')
  const req = parsed.data
  const url = new URL(`${ORIGIN}${req.path}`)
  const route = routeOf(url)

  let body = req.body
  if (route === REFRESH || route === LOGOUT) {
    body = JSON.stringify({ refresh_token: vault.get() ?? undefined })
  }
  const request = new Request(url, {
    method: req.method,
    headers: withoutRefused(req.headers),
    body: req.method === 'GET' ? undefined : body,
  })
  const response = await core.app.fetch(request, { ipcClient: windowId })
  return toBridgeResponse(response, route, vault)
}

async function toBridgeResponse(
  response: Response,
  route: string,
  vault: SessionVault,
): Promise<BridgeResponse> {
  const headers: Record<string, string> = {}
  for (const [name, value] of response.headers) {
    if (!REFUSED_RESPONSE_HEADERS.has(name)) headers[name] = value
  }
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (!TEXT_TYPE.test(type) && response.body) {
    const bytes = Buffer.from(await response.arrayBuffer())
    return { status: response.status, headers, body: bytes.toString('base64'), encoding: 'base64' }
  }

  const text = await response.text()
  if (route === LOGOUT || (route === REFRESH && response.status === 401)) {
    vault.set(null, null)
  }
  const body = keepRefreshToken(text, response, vault)
  return { status: response.status, headers, body, encoding: 'utf8' }
}

interface AuthAnswer {
  refresh_token: unknown
  user?: { id?: unknown }
}

/**
 * Whatever answer carries a refresh token, the vault takes it and the window never sees it.
 * Decided by the answer rather than the path, so no spelling of a path can let one through.
 */
function keepRefreshToken(text: string, response: Response, vault: SessionVault): string {
  if (!text.includes('"refresh_token"')) return text
  let auth: unknown
  try {
    auth = JSON.parse(text)
  } catch {
    return text
  }
  if (typeof auth !== 'object' || auth === null || !('refresh_token' in auth)) return text
  const { refresh_token: token, ...rest } = auth as AuthAnswer
  if (response.ok && typeof token === 'string') {
    vault.set(token, typeof rest.user?.id === 'string' ? rest.user.id : null)
  }
  return JSON.stringify(rest)
}

/**
 * The path the router will match: the parsed pathname (no query, no `..`), with
 * percent-escapes decoded as Hono decodes them before routing.
 */
function routeOf(url: URL): string {
  try {
    return decodeURI(url.pathname)
  } catch {
    return url.pathname
  }
}

function withoutRefused(headers: Record<string, string>): Headers {
  const kept = new Headers()
  for (const [name, value] of Object.entries(headers)) {
    if (!REFUSED_REQUEST_HEADERS.has(name.toLowerCase())) kept.set(name, value)
  }
  return kept
}
