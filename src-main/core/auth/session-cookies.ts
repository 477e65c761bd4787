import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AuthResponse } from '@shared/contracts/auth'
import { AppError } from '../errors/app-error'
import type { AppEnv } from '../http/context'
import { REFRESH_TOKEN_SECONDS } from './tokens'

/** Browsers ask for cookie sessions with this header; scripts and IPC get tokens in the body. */
export const COOKIE_CLIENT_HEADER = 'x-narraforge-client'
export const CSRF_HEADER = 'x-csrf-token'
const REFRESH_COOKIE = 'nf_refresh'
const CSRF_COOKIE = 'nf_csrf'

export function wantsCookieSession(c: Context<AppEnv>): boolean {
  return c.req.header(COOKIE_CLIENT_HEADER) === 'browser'
}

/**
 * In a browser the refresh token lives in an httpOnly, SameSite=Strict cookie that scripts
 * cannot read, with a double-submit CSRF token beside it for refresh and logout.
 */
export function moveRefreshTokenToCookie(c: Context<AppEnv>, auth: AuthResponse): AuthResponse {
  if (!wantsCookieSession(c) || !auth.refresh_token) return auth
  const secure = new URL(c.req.url).protocol === 'https:'
  const common = {
    path: '/api/auth',
    sameSite: 'Strict',
    secure,
    maxAge: REFRESH_TOKEN_SECONDS,
  } as const
  setCookie(c, REFRESH_COOKIE, auth.refresh_token, { ...common, httpOnly: true })
  setCookie(c, CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...common, path: '/' })
  const { refresh_token: _moved, ...rest } = auth
  return rest
}

/** The refresh token of this request: from the body, or from the cookie after a CSRF check. */
export function refreshTokenOf(c: Context<AppEnv>, bodyToken: string | undefined): string {
  if (bodyToken) return bodyToken
  const cookieToken = getCookie(c, REFRESH_COOKIE)
  if (!cookieToken) throw new AppError('unauthenticated', 'Send refresh_token, or sign in again')

  const expected = getCookie(c, CSRF_COOKIE) ?? ''
  const sent = c.req.header(CSRF_HEADER) ?? ''
  const same =
    expected.length > 0 &&
    expected.length === sent.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(sent))
  if (!same)
    throw new AppError('forbidden', 'Missing or wrong CSRF token; reload the page and try again')
  return cookieToken
}

export function clearSessionCookies(c: Context<AppEnv>): void {
  deleteCookie(c, REFRESH_COOKIE, { path: '/api/auth' })
  deleteCookie(c, CSRF_COOKIE, { path: '/' })
}
