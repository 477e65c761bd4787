import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../testing/test-core'

const SECRETS = {
  password: 'Secret123',
  refreshToken: 'eyJhbGciOiJIUzI1NiJ9.refresh.signature',
  bearer: 'Bearer eyJhbGciOiJIUzI1NiJ9.access.signature',
  openAiKey: 'sk-proj-abcdef0123456789',
}

describe('log redaction', () => {
  it('hides passwords, tokens, authorization headers and API keys at any usual depth', () => {
    const { log, lines } = createMemoryLogger()

    log.info({ password: SECRETS.password, email: 'anna@example.com' }, 'login attempt')
    log.info({ body: { refresh_token: SECRETS.refreshToken } }, 'refresh')
    log.info({ req: { method: 'GET', headers: { authorization: SECRETS.bearer } } }, 'request')
    log.info({ authorization: SECRETS.bearer }, 'header')
    log.info(
      { settings: { OPENAI_API_KEY: SECRETS.openAiKey, RATE_LIMIT_PER_MINUTE: 60 } },
      'settings',
    )
    log.child({ module: 'auth' }).warn({ OPENAI_API_KEY: SECRETS.openAiKey }, 'from a child')

    const written = JSON.stringify(lines())
    for (const secret of Object.values(SECRETS)) expect(written).not.toContain(secret)
    const [login, refresh, request, header, settings, child] = lines()
    expect(login).toMatchObject({ password: '[redacted]', email: 'anna@example.com' })
    expect(refresh!.body.refresh_token).toBe('[redacted]')
    expect(request!.req).toEqual({ method: 'GET', headers: { authorization: '[redacted]' } })
    expect(header!.authorization).toBe('[redacted]')
    expect(settings!.settings).toEqual({ OPENAI_API_KEY: '[redacted]', RATE_LIMIT_PER_MINUTE: 60 })
    expect(child).toMatchObject({ module: 'auth', OPENAI_API_KEY: '[redacted]' })
  })

  it('hides the JWT secret and provider keys in a logged settings object and provider error', () => {
    const { log, lines } = createMemoryLogger()
    const jwt = 'k9Qz3vXw7LpR2mN8bT5yH1cF6dJ4sA0eGuVoWiYx'

    log.info({ settings: { JWT_SECRET_KEY: jwt, jwtSecret: jwt, ANTHROPIC_API_KEY: 'sk-ant-xyz' } })
    log.error({ err: { config: { apiKey: 'sk-proj-zzz' }, status: 401 } }, 'provider refused')

    const [settings, providerError] = lines()
    expect(settings!.settings).toEqual({
      JWT_SECRET_KEY: '[redacted]',
      jwtSecret: '[redacted]',
      ANTHROPIC_API_KEY: '[redacted]',
    })
    expect(providerError!.err).toEqual({ config: { apiKey: '[redacted]' }, status: 401 })
  })
})
