import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, registerUser, signUp, STRONG_PASSWORD, uniqueIp } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

let core: TestCore
beforeAll(async () => {
  // The desktop limit is set apart from the general one so the test can tell them apart.
  core = await createTestCore({ env: { RATE_LIMIT_DESKTOP_PER_MINUTE: '100' } })
})
afterAll(() => core.dispose())

function login(
  target: TestCore,
  email: string,
  options: { ip?: string; ipcClient?: string; xff?: string },
) {
  return call(target, 'POST', '/api/auth/login', {
    body: { email, password: STRONG_PASSWORD },
    ip: options.ip,
    ipcClient: options.ipcClient,
    headers: options.xff ? { 'X-Forwarded-For': options.xff } : {},
  })
}

describe('the sign-in limit', () => {
  it('refuses the sixth login in a minute while projects still answer, and lifts after a minute', async () => {
    const writer = await signUp(core)
    const email = writer.auth.user.email
    for (let i = 0; i < 5; i++) {
      expect((await login(core, email, { ip: writer.ip })).status).toBe(200)
    }

    const refused = await login(core, email, { ip: writer.ip })

    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(refused.json).toMatchObject({
      detail: expect.any(String),
      request_id: refused.headers.get('x-request-id'),
      error_type: 'rate_limited',
    })
    expect((await writer.call('GET', '/api/projects')).status).toBe(200)

    core.clock.advance(61_000)
    expect((await login(core, email, { ip: writer.ip })).status).toBe(200)
  })

  it('counts failed logins too, so guessing passwords is capped', async () => {
    const ip = uniqueIp()
    for (let i = 0; i < 5; i++) {
      const res = await call(core, 'POST', '/api/auth/login', {
        body: { email: 'target@example.com', password: `Guess${i}abc` },
        ip,
      })
      expect(res.status).toBe(401)
    }

    const sixth = await login(core, 'target@example.com', { ip })

    expect(sixth.status).toBe(429)
  })
})

describe('the general limit', () => {
  it('puts X-RateLimit-Limit, -Remaining and -Reset on ordinary answers', async () => {
    const writer = await signUp(core)

    const first = await writer.call('GET', '/api/projects')
    const second = await writer.call('GET', '/api/projects')

    expect(first.status).toBe(200)
    expect(first.headers.get('x-ratelimit-limit')).toBe('60')
    expect(first.headers.get('x-ratelimit-remaining')).toBe('59')
    expect(second.headers.get('x-ratelimit-remaining')).toBe('58')
    const reset = Number(first.headers.get('x-ratelimit-reset'))
    expect(reset).toBeGreaterThan(0)
    expect(reset).toBeLessThanOrEqual(60)
  })

  it('refuses the 61st request in a minute from one client', async () => {
    const ip = uniqueIp()
    for (let i = 0; i < 60; i++) {
      expect((await call(core, 'GET', '/api/health/live', { ip })).status).toBe(200)
    }

    const refused = await call(core, 'GET', '/api/health/live', { ip })

    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
    expect((await call(core, 'GET', '/api/health/live', { ip: uniqueIp() })).status).toBe(200)
  })

  it('gives the desktop window over IPC its own, higher limit but the same sign-in limit', async () => {
    const { user } = await registerUser(core)
    const ipcClient = 'window-1'
    for (let i = 0; i < 100; i++) {
      expect((await call(core, 'GET', '/api/health/live', { ipcClient })).status).toBe(200)
    }
    const over = await call(core, 'GET', '/api/health/live', { ipcClient })
    expect(over.status).toBe(429)
    expect(over.headers.get('x-ratelimit-limit')).toBe('100')

    for (let i = 0; i < 5; i++) {
      expect((await login(core, user.email, { ipcClient })).status).toBe(200)
    }
    const sixth = await login(core, user.email, { ipcClient })

    expect(sixth.status).toBe(429)
    expect(sixth.headers.get('x-ratelimit-limit')).toBe('5')
  })
})

describe('the client address', () => {
  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    const { user } = await registerUser(core)
    const ip = uniqueIp()
    for (let i = 0; i < 5; i++) {
      expect((await login(core, user.email, { ip, xff: `203.0.113.${i}` })).status).toBe(200)
    }

    const spoofed = await login(core, user.email, { ip, xff: '198.51.100.7' })

    expect(spoofed.status).toBe(429)
  })

  it('counts by the first X-Forwarded-For address behind a trusted proxy', async () => {
    const proxied = await createTestCore({ env: { TRUSTED_PROXY: 'true' } })
    try {
      const { user } = await registerUser(proxied)
      const proxy = uniqueIp()
      for (let i = 0; i < 5; i++) {
        const res = await login(proxied, user.email, { ip: proxy, xff: '203.0.113.9, 10.9.9.9' })
        expect(res.status).toBe(200)
      }

      const sameClient = await login(proxied, user.email, { ip: proxy, xff: '203.0.113.9' })
      const otherClient = await login(proxied, user.email, { ip: proxy, xff: '198.51.100.7' })

      expect(sameClient.status).toBe(429)
      expect(otherClient.status).toBe(200)
    } finally {
      await proxied.dispose()
    }
  })
})
