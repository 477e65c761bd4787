import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { sign } from 'hono/jwt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, signUp, STRONG_PASSWORD, uniqueIp, type Writer } from '../../testing/api-client'
import { createTestCore, TEST_JWT_SECRET, type TestCore } from '../../testing/test-core'
import { refreshTokens, users } from '../db/schema'
import { hashToken } from './tokens'

let core: TestCore
beforeAll(async () => {
  core = await createTestCore()
})
afterAll(() => core.dispose())

function me(token: string | undefined) {
  return call(core, 'GET', '/api/auth/me', { token, ip: uniqueIp() })
}

function refresh(refreshToken: string | undefined) {
  return call(core, 'POST', '/api/auth/refresh', {
    body: { refresh_token: refreshToken },
    ip: uniqueIp(),
  })
}

function accessClaims(writer: Writer) {
  const iat = Math.floor(core.clock.now().getTime() / 1000)
  return { sub: writer.auth.user.id, tier: 'free', type: 'access', iat, exp: iat + 600 }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

describe('access tokens', () => {
  it('admit their user to /api/auth/me', async () => {
    const writer = await signUp(core)

    const res = await me(writer.token)

    expect(res.status).toBe(200)
    expect(res.json.id).toBe(writer.auth.user.id)
  })

  it('are required: no Authorization header is 401 with WWW-Authenticate', async () => {
    const res = await me(undefined)

    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /)
    expect(res.json.error_type).toBe('unauthenticated')
  })

  it('refuse an unsigned token (alg: none)', async () => {
    const writer = await signUp(core)
    const header = base64url({ alg: 'none', typ: 'JWT' })
    const forged = `${header}.${base64url(accessClaims(writer))}.`

    expect((await me(forged)).status).toBe(401)
  })

  it('refuse a token signed with another secret', async () => {
    const writer = await signUp(core)
    const forged = await sign(
      accessClaims(writer),
      'another-secret-of-sufficient-length-0123456789',
    )

    expect((await me(forged)).status).toBe(401)
  })

  it('expire after 30 minutes of the application clock', async () => {
    const writer = await signUp(core)
    core.clock.advance(29 * 60_000)
    expect((await me(writer.token)).status).toBe(200)

    core.clock.advance(2 * 60_000)
    const res = await me(writer.token)

    expect(res.status).toBe(401)
    expect(res.json.detail).toMatch(/expired/)
  })

  it('cannot stand in for refresh tokens, nor refresh tokens for them', async () => {
    const writer = await signUp(core)

    expect((await me(writer.auth.refresh_token)).status).toBe(401)
    expect((await refresh(writer.token)).status).toBe(401)
  })

  it('are refused by /refresh on their type claim alone, even when stored as a refresh token', async () => {
    const writer = await signUp(core)
    const asAccess = await storedRefreshToken(writer, 'access')
    const asRefresh = await storedRefreshToken(writer, 'refresh')

    const refused = await refresh(asAccess)
    const accepted = await refresh(asRefresh)

    expect(refused.status).toBe(401)
    expect(refused.json.detail).toBe('Could not validate credentials')
    expect(accepted.status).toBe(200)
  })
})

/**
 * Signs a token carrying every refresh claim but the given type, and stores its hash the way a
 * sign-in stores a refresh token, so only the type claim can tell it apart.
 */
async function storedRefreshToken(writer: Writer, type: 'access' | 'refresh'): Promise<string> {
  const iat = Math.floor(core.clock.now().getTime() / 1000)
  const jti = randomUUID()
  const fam = randomUUID()
  const claims = { sub: writer.auth.user.id, tier: 'free', type, jti, fam, iat, exp: iat + 600 }
  const token = await sign(claims, TEST_JWT_SECRET, 'HS256')
  await core.db.insert(refreshTokens).values({
    id: jti,
    userId: writer.auth.user.id,
    familyId: fam,
    tokenHash: hashToken(token),
    expiresAt: new Date((iat + 600) * 1000),
  })
  return token
}

describe('refresh tokens', () => {
  it('rotate: a refresh returns a new pair whose access token works', async () => {
    const writer = await signUp(core)

    const res = await refresh(writer.auth.refresh_token)

    expect(res.status).toBe(200)
    expect(res.json.refresh_token).toEqual(expect.any(String))
    expect(res.json.refresh_token).not.toBe(writer.auth.refresh_token)
    expect((await me(res.json.access_token)).status).toBe(200)
  })

  it('revoke the whole family when a rotated token is presented again', async () => {
    const writer = await signUp(core)
    const rotated = await refresh(writer.auth.refresh_token)
    expect(rotated.status).toBe(200)

    const replay = await refresh(writer.auth.refresh_token)
    expect(replay.status).toBe(401)

    const successor = await refresh(rotated.json.refresh_token)
    expect(successor.status).toBe(401)
  })

  it('leave no successor alive when one token is refreshed twice at the same moment', async () => {
    const writer = await signUp(core)

    const [first, second] = await Promise.all([
      refresh(writer.auth.refresh_token),
      refresh(writer.auth.refresh_token),
    ])

    const successors = [first, second]
      .filter((res) => res.status === 200)
      .map((res) => res.json.refresh_token as string)
    expect(successors).toHaveLength(1)
    for (const successor of successors) expect((await refresh(successor)).status).toBe(401)
    expect((await refresh(writer.auth.refresh_token)).status).toBe(401)
  })

  it('stop working after logout', async () => {
    const writer = await signUp(core)
    const logout = await call(core, 'POST', '/api/auth/logout', {
      body: { refresh_token: writer.auth.refresh_token },
      ip: uniqueIp(),
    })
    expect(logout.status).toBe(204)

    expect((await refresh(writer.auth.refresh_token)).status).toBe(401)
  })

  it('are refused with 401 when garbage is sent', async () => {
    expect((await refresh('not.a.token')).status).toBe(401)
  })
})

describe('a disabled account', () => {
  it('is refused with 403 on /me, on login and on refresh', async () => {
    const writer = await signUp(core)
    await core.db.update(users).set({ isActive: false }).where(eq(users.id, writer.auth.user.id))

    const meRes = await me(writer.token)
    const loginRes = await call(core, 'POST', '/api/auth/login', {
      body: { email: writer.auth.user.email, password: STRONG_PASSWORD },
      ip: uniqueIp(),
    })
    const refreshRes = await refresh(writer.auth.refresh_token)

    expect(meRes.status).toBe(403)
    expect(meRes.json.error_type).toBe('forbidden')
    expect(loginRes.status).toBe(403)
    expect(refreshRes.status).toBe(403)
  })
})
