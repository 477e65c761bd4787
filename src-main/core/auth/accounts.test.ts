import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, registerUser, STRONG_PASSWORD, uniqueIp } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

let core: TestCore
beforeAll(async () => {
  core = await createTestCore()
})
afterAll(() => core.dispose())

let emails = 0
function freshEmail(): string {
  emails += 1
  return `account${emails}@example.com`
}

function register(body: Record<string, unknown>) {
  return call(core, 'POST', '/api/auth/register', { body, ip: uniqueIp() })
}

function login(email: string, password: string) {
  return call(core, 'POST', '/api/auth/login', { body: { email, password }, ip: uniqueIp() })
}

describe('registration', () => {
  it('creates a free-tier account with 5 generations and a $10 cost limit, and starts a session', async () => {
    const email = freshEmail()
    const res = await register({ email, password: STRONG_PASSWORD, full_name: 'Anna Nowak' })

    expect(res.status).toBe(201)
    expect(res.json.token_type).toBe('bearer')
    expect(res.json.access_token).toEqual(expect.any(String))
    expect(res.json.refresh_token).toEqual(expect.any(String))
    expect(res.json.expires_in).toBe(30 * 60)
    expect(res.json.user).toMatchObject({
      email,
      full_name: 'Anna Nowak',
      is_active: true,
      subscription_tier: 'free',
      monthly_generation_limit: 5,
      monthly_generations_used: 0,
      monthly_cost_limit_usd: 10,
      monthly_cost_used_usd: 0,
      usage_month: '2026-03',
      last_login_at: null,
    })
  })

  it('never returns the password or its hash', async () => {
    const res = await register({ email: freshEmail(), password: STRONG_PASSWORD })

    expect(res.status).toBe(201)
    expect(res.text).not.toMatch(/password/i)
    expect(res.text).not.toContain(STRONG_PASSWORD)
    expect(res.text).not.toContain('$argon2')
  })

  it('stores the email trimmed and lower-cased, and signs in with either spelling', async () => {
    const res = await register({ email: ' Anna@Example.COM ', password: STRONG_PASSWORD })
    expect(res.status).toBe(201)
    expect(res.json.user.email).toBe('anna@example.com')

    expect((await login('anna@example.com', STRONG_PASSWORD)).status).toBe(200)
    expect((await login(' ANNA@example.Com ', STRONG_PASSWORD)).status).toBe(200)
  })

  it('refuses an invalid email with 422 naming the field', async () => {
    const res = await register({ email: 'not-an-email', password: STRONG_PASSWORD })

    expect(res.status).toBe(422)
    expect(res.json.errors).toContainEqual(expect.objectContaining({ field: 'email' }))
  })

  it.each([
    ['shorter than 8 characters', 'short1A'],
    ['without an upper-case letter', 'alllowercase123'],
    ['without a lower-case letter', 'ALLUPPERCASE123'],
    ['without a digit', 'NoDigitsHere'],
    ['longer than 100 characters', `Aa1${'x'.repeat(98)}`],
  ])('refuses a password %s with 422 and the envelope', async (_rule, password) => {
    const res = await register({ email: freshEmail(), password })

    expect(res.status).toBe(422)
    expect(res.json).toMatchObject({
      detail: expect.any(String),
      request_id: res.headers.get('x-request-id'),
      error_type: 'validation',
    })
    expect(res.json.errors).toContainEqual(expect.objectContaining({ field: 'password' }))
  })

  it('refuses a second account with the same email with 409, whatever its case', async () => {
    const email = freshEmail()
    expect((await register({ email, password: STRONG_PASSWORD })).status).toBe(201)

    const again = await register({ email: email.toUpperCase(), password: STRONG_PASSWORD })

    expect(again.status).toBe(409)
    expect(again.json.error_type).toBe('conflict')
  })

  it('answers two simultaneous sign-ups with one email with one 201 and one 409, never a 500', async () => {
    const email = freshEmail()
    const results = await Promise.all([
      register({ email, password: STRONG_PASSWORD }),
      register({ email, password: STRONG_PASSWORD }),
    ])

    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
  })
})

describe('login', () => {
  it('signs in with the right password and records the time of the login', async () => {
    const { user } = await registerUser(core)
    core.clock.advance(5 * 60_000)

    const res = await login(user.email, STRONG_PASSWORD)

    expect(res.status).toBe(200)
    expect(res.json.user.last_login_at).toBe(core.clock.now().toISOString())
    const me = await call(core, 'GET', '/api/auth/me', { token: res.json.access_token })
    expect(me.json.last_login_at).toBe(core.clock.now().toISOString())
  })

  it('refuses a wrong password and an unknown email alike, with 401 and one message', async () => {
    const { user } = await registerUser(core)

    const wrongPassword = await login(user.email, 'Wrong1234')
    const unknownEmail = await login('nobody-here@example.com', STRONG_PASSWORD)

    expect(wrongPassword.status).toBe(401)
    expect(unknownEmail.status).toBe(401)
    expect(wrongPassword.json.detail).toBe(unknownEmail.json.detail)
    expect(wrongPassword.headers.get('www-authenticate')).toMatch(/^Bearer/)
  })
})
