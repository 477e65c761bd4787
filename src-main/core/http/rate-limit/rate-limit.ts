import type { Context, MiddlewareHandler } from 'hono'
import { AppError } from '../../errors/app-error'
import type { AppEnv } from '../context'
import type { RateLimitStore } from './store'

export interface RateLimitOptions {
  store: RateLimitStore
  now: () => Date
  enabled: boolean
  /** Requests a minute on the sign-in family of endpoints, per client. */
  authPerMinute: number
  /** Requests a minute on everything else, per client over HTTP. */
  generalPerMinute: number
  /** Requests a minute on everything else for the desktop window over IPC. */
  desktopPerMinute: number
  trustProxy: boolean
}

const WINDOW_MS = 60_000
/** Endpoints that take credentials; they get their own, stricter counter. */
const AUTH_PATHS = new Set([
  '/api/auth/register',
  '/api/auth/login',
  '/api/auth/refresh',
  '/api/auth/logout',
])

/**
 * Sliding-window rate limits with separate counters for authentication and for the rest, so
 * ordinary use never locks a writer out of signing in. Every response carries the
 * `X-RateLimit-*` headers; a refusal is a 429 with `Retry-After`.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!options.enabled || c.req.method === 'OPTIONS') return next()

    const client = clientKeyOf(c, options.trustProxy)
    const isAuth = AUTH_PATHS.has(c.req.path)
    const limit = isAuth
      ? options.authPerMinute
      : c.env?.ipcClient
        ? options.desktopPerMinute
        : options.generalPerMinute
    const bucket = `${isAuth ? 'auth' : 'general'}:${client}`
    const decision = await options.store.hit(bucket, limit, WINDOW_MS, options.now().getTime())

    const resetSeconds = Math.ceil(decision.resetMs / 1000)
    const headers = {
      'X-RateLimit-Limit': String(decision.limit),
      'X-RateLimit-Remaining': String(decision.remaining),
      'X-RateLimit-Reset': String(resetSeconds),
    }
    if (!decision.allowed) {
      const retryAfter = String(Math.max(1, resetSeconds))
      throw new AppError('rate_limited', `Too many requests; try again in ${retryAfter} s`, {
        headers: { ...headers, 'Retry-After': retryAfter },
        details: { retry_after: Number(retryAfter) },
      })
    }
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  }
}

/**
 * Who is asking: the window over IPC, else the socket's address. `X-Forwarded-For` is only
 * believed behind a proxy we were told to trust, and then only its last entry: a proxy appends
 * the address it saw, while everything to the left of it came from the client, who can write
 * anything there to get a fresh counter.
 */
export function clientKeyOf(c: Context<AppEnv>, trustProxy: boolean): string {
  if (c.env?.ipcClient) return `ipc:${c.env.ipcClient}`
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (forwarded) return `ip:${forwarded}`
  }
  return `ip:${c.env?.incoming?.socket?.remoteAddress ?? 'local'}`
}
