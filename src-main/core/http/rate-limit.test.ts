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

  it('counts by the address our proxy appended, the last in X-Forwarded-For', async () => {
    const proxied = await createTestCore({ env: { TRUSTED_PROXY: 'true' } })
    try {
      const { user } = await registerUser(proxied)
      const proxy = uniqueIp()
      // The client writes whatever it likes before the proxy's entry, a new value every time.
      for (let i = 0; i < 5; i++) {
        const xff = `198.51.100.${i}, 203.0.113.9`
        expect((await login(proxied, user.email, { ip: proxy, xff })).status).toBe(200)
      }

      const spoofed = await login(proxied, user.email, { ip: proxy, xff: '192.0.2.1, 203.0.113.9' })
      const otherClient = await login(proxied, user.email, { ip: proxy, xff: '203.0.113.10' })

      expect(spoofed.status).toBe(429)
      expect(otherClient.status).toBe(200)
    } finally {
      await proxied.dispose()
    }
  })
})

describe('the window', () => {
  it('slides: requests count for a full minute from when they were made, not per clock minute', async () => {
    const { user } = await registerUser(core)
    const ip = uniqueIp()
    // Forty seconds into a clock minute, so a fixed per-minute window would reset half-way.
    core.clock.set(new Date('2026-03-16T08:00:40Z'))
    for (let i = 0; i < 5; i++) {
      expect((await login(core, user.email, { ip })).status).toBe(200)
    }

    core.clock.advance(30_000)
    const refused = await login(core, user.email, { ip })

    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBe(30)
    core.clock.advance(30_000)
    expect((await login(core, user.email, { ip })).status).toBe(200)
  })
})

describe('an oversized body', () => {
  it('is counted, and its 413 carries the X-RateLimit-* headers', async () => {
    const small = await createTestCore({ env: { MAX_BODY_BYTES: '2048' } })
    try {
      const writer = await signUp(small)
      const before = await writer.call('GET', '/api/projects')

      const tooLarge = await writer.call('POST', '/api/projects', {
        body: { name: 'Too long', description: 'x'.repeat(3000) },
      })

      expect(tooLarge.status).toBe(413)
      expect(tooLarge.headers.get('x-ratelimit-limit')).toBe('60')
      const remainingBefore = Number(before.headers.get('x-ratelimit-remaining'))
      expect(Number(tooLarge.headers.get('x-ratelimit-remaining'))).toBe(remainingBefore - 1)
      expect(tooLarge.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/)
    } finally {
      await small.dispose()
    }
  })
})
