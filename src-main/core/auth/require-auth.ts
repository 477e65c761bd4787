import type { MiddlewareHandler } from 'hono'
import type { Database } from '../db/open-database'
import { AppError } from '../errors/app-error'
import type { AppEnv } from '../http/context'
import { loadUser } from '../users/users-service'
import type { TokenIssuer } from './tokens'

/**
 * Admits requests with a valid access token of an active user and puts the user on the
 * context. Missing or bad tokens are 401 with `WWW-Authenticate`; a disabled account is 403.
 */
export function requireAuth(
  tokens: TokenIssuer,
  db: Database,
  now: () => Date,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const token = match?.[1] ?? bearerFromQuery(c.req.path, c.req.query('access_token'))
    if (!token)
      throw new AppError(
        'unauthenticated',
        'Sign in first: send Authorization: Bearer <access token>',
      )

    const claims = await tokens.verifyAccess(token)
    const user = await loadUser(db, claims.sub, now())
    if (!user.isActive) throw new AppError('forbidden', 'This account is disabled')

    c.set('user', { id: user.id, tier: user.tier, row: user })
    await next()
  }
}

/**
 * EventSource cannot send headers, so the event stream alone may carry the token in the query.
 */
function bearerFromQuery(path: string, token: string | undefined): string | undefined {
  return path === '/api/events' ? token : undefined
}
