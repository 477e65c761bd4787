import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import {
  AuthResponseSchema,
  LoginInputSchema,
  RefreshInputSchema,
  RegisterInputSchema,
  UserSchema,
  UserUpdateSchema,
} from '@shared/contracts/auth'
import type { AppEnv } from '../http/context'
import {
  AUTHED_ERRORS,
  BEARER,
  errorResponse,
  jsonBody,
  jsonResponse,
  PUBLIC_ERRORS,
} from '../http/route-helpers'
import { toUserDto } from '../users/users-service'
import type { AuthService } from './auth-service'
import { clearSessionCookies, moveRefreshTokenToCookie, refreshTokenOf } from './session-cookies'

const tags = ['auth']

const register = createRoute({
  method: 'post',
  path: '/auth/register',
  tags,
  summary: 'Create an account on the free tier and start a session',
  request: jsonBody(RegisterInputSchema),
  responses: {
    201: jsonResponse(AuthResponseSchema, 'Account created'),
    409: errorResponse('Email already registered'),
    ...PUBLIC_ERRORS,
  },
})

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Sign in with email and password',
  request: jsonBody(LoginInputSchema),
  responses: { 200: jsonResponse(AuthResponseSchema, 'Signed in'), ...PUBLIC_ERRORS },
})

const refresh = createRoute({
  method: 'post',
  path: '/auth/refresh',
  tags,
  summary: 'Rotate the refresh token and get a new access token',
  request: jsonBody(RefreshInputSchema),
  responses: { 200: jsonResponse(AuthResponseSchema, 'New token pair'), ...PUBLIC_ERRORS },
})

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'End the session of a refresh token',
  request: jsonBody(RefreshInputSchema),
  responses: { 204: { description: 'Signed out' }, ...PUBLIC_ERRORS },
})

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags,
  security: BEARER,
  summary: 'The signed-in user with this month’s usage',
  responses: { 200: jsonResponse(UserSchema, 'The user'), ...AUTHED_ERRORS },
})

const updateMe = createRoute({
  method: 'patch',
  path: '/auth/me',
  tags,
  security: BEARER,
  summary: 'Change your name or the webhook that hears about finished jobs',
  description:
    'The webhook receives a POST signed with `X-NarraForge-Signature: sha256=<hex HMAC>` when a job completes, fails or is cancelled. Only http(s) URLs; on a shared server, point it at your own service. `""` removes it.',
  request: jsonBody(UserUpdateSchema),
  responses: { 200: jsonResponse(UserSchema, 'The updated user'), ...AUTHED_ERRORS },
})

/** Public auth routes; `/auth/me` sits behind the auth middleware mounted by the app. */
export function authRoutes(service: AuthService) {
  return new OpenAPIHono<AppEnv>()
    .openapi(register, async (c) => {
      const auth = await service.register(c.req.valid('json'))
      return c.json(moveRefreshTokenToCookie(c, auth), 201)
    })
    .openapi(login, async (c) => {
      const auth = await service.login(c.req.valid('json'))
      return c.json(moveRefreshTokenToCookie(c, auth), 200)
    })
    .openapi(refresh, async (c) => {
      const token = refreshTokenOf(c, c.req.valid('json').refresh_token)
      const auth = await service.refresh(token)
      return c.json(moveRefreshTokenToCookie(c, auth), 200)
    })
    .openapi(logout, async (c) => {
      const token = refreshTokenOf(c, c.req.valid('json').refresh_token)
      await service.logout(token)
      clearSessionCookies(c)
      return c.body(null, 204)
    })
}

/** The signed-in user's own account: read it, change the name or the webhook. */
export function meRoute(service: AuthService) {
  return new OpenAPIHono<AppEnv>()
    .openapi(me, (c) => c.json(toUserDto(c.get('user').row), 200))
    .openapi(updateMe, async (c) => {
      const user = await service.updateMe(c.get('user').id, c.req.valid('json'))
      return c.json(user, 200)
    })
}
