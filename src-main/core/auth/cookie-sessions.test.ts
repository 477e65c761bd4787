import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, registerUser, STRONG_PASSWORD, uniqueIp } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

let core: TestCore
beforeAll(async () => {
  core = await createTestCore()
})
afterAll(() => core.dispose())

const BROWSER = { 'X-NarraForge-Client': 'browser' }

async function browserLogin() {
  const { user } = await registerUser(core)
  const res = await call(core, 'POST', '/api/auth/login', {
    body: { email: user.email, password: STRONG_PASSWORD },
    headers: BROWSER,
    ip: uniqueIp(),
  })
  const cookies = res.headers.getSetCookie()
  return {
    res,
    cookies,
    refresh: valueOf(cookies, 'nf_refresh'),
    csrf: valueOf(cookies, 'nf_csrf'),
  }
}

function refreshWithCookies(cookie: string, headers: Record<string, string> = {}) {
  return call(core, 'POST', '/api/auth/refresh', {
    body: {},
    headers: { ...BROWSER, cookie, ...headers },
    ip: uniqueIp(),
  })
}

function valueOf(cookies: string[], name: string): string {
  const line = cookies.find((c) => c.startsWith(`${name}=`))
  if (!line) throw new Error(`no ${name} cookie in ${JSON.stringify(cookies)}`)
  return line.slice(name.length + 1).split(';')[0]!
}

describe('browser sessions', () => {
  it('keep the refresh token in an httpOnly SameSite=Strict cookie, out of the body', async () => {
    const { res, cookies, csrf } = await browserLogin()

    expect(res.status).toBe(200)
    expect(res.json.access_token).toEqual(expect.any(String))
    expect(res.json).not.toHaveProperty('refresh_token')
    const refreshCookie = cookies.find((c) => c.startsWith('nf_refresh='))
    expect(refreshCookie).toMatch(/HttpOnly/i)
    expect(refreshCookie).toMatch(/SameSite=Strict/i)
    expect(refreshCookie).toMatch(/Path=\/api\/auth/)
    expect(csrf.length).toBeGreaterThan(16)
    expect(cookies.find((c) => c.startsWith('nf_csrf='))).not.toMatch(/HttpOnly/i)
  })

  it('refuse a cookie refresh without the CSRF header with 403', async () => {
    const { refresh, csrf } = await browserLogin()

    const res = await refreshWithCookies(`nf_refresh=${refresh}; nf_csrf=${csrf}`)

    expect(res.status).toBe(403)
    expect(res.json.error_type).toBe('forbidden')
  })

  it('refuse a cookie refresh whose CSRF header does not match the cookie', async () => {
    const { refresh, csrf } = await browserLogin()

    const res = await refreshWithCookies(`nf_refresh=${refresh}; nf_csrf=${csrf}`, {
      'X-CSRF-Token': `${csrf.slice(1)}x`,
    })

    expect(res.status).toBe(403)
  })

  it('refresh with the cookie and the matching CSRF header, rotating the cookie', async () => {
    const { refresh, csrf } = await browserLogin()

    const res = await refreshWithCookies(`nf_refresh=${refresh}; nf_csrf=${csrf}`, {
      'X-CSRF-Token': csrf,
    })

    expect(res.status).toBe(200)
    expect(res.json).not.toHaveProperty('refresh_token')
    expect(valueOf(res.headers.getSetCookie(), 'nf_refresh')).not.toBe(refresh)
  })

  it('are not used by scripts: without the header the refresh token stays in the body', async () => {
    const { user } = await registerUser(core)

    const res = await call(core, 'POST', '/api/auth/login', {
      body: { email: user.email, password: STRONG_PASSWORD },
      ip: uniqueIp(),
    })

    expect(res.json.refresh_token).toEqual(expect.any(String))
    expect(res.headers.getSetCookie()).toEqual([])
  })
})
