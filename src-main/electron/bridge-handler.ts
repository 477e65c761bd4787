import { BridgeRequestSchema, type BridgeResponse } from '@shared/contracts/bridge'
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
const AUTH_ISSUING = new Set(['/api/auth/login', '/api/auth/register', '/api/auth/refresh'])
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

  let body = req.body
  if (req.path === '/api/auth/refresh' || req.path === '/api/auth/logout') {
    body = JSON.stringify({ refresh_token: vault.get() ?? undefined })
  }
  const request = new Request(`${ORIGIN}${req.path}`, {
    method: req.method,
    headers: req.headers,
    body: req.method === 'GET' ? undefined : body,
  })
  const response = await core.app.fetch(request, { ipcClient: windowId })
  return toBridgeResponse(response, req.path, vault)
}

async function toBridgeResponse(
  response: Response,
  path: string,
  vault: SessionVault,
): Promise<BridgeResponse> {
  const headers = Object.fromEntries(response.headers.entries())
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (!TEXT_TYPE.test(type) && response.body) {
    const bytes = Buffer.from(await response.arrayBuffer())
    return { status: response.status, headers, body: bytes.toString('base64'), encoding: 'base64' }
  }

  let text = await response.text()
  if (AUTH_ISSUING.has(path) && response.ok) {
    const auth = JSON.parse(text) as { refresh_token?: string; user?: { id: string } }
    vault.set(auth.refresh_token ?? null, auth.user?.id ?? null)
    delete auth.refresh_token
    text = JSON.stringify(auth)
  }
  if (path === '/api/auth/logout' || (path === '/api/auth/refresh' && response.status === 401)) {
    vault.set(null, null)
  }
  return { status: response.status, headers, body: text, encoding: 'utf8' }
}
