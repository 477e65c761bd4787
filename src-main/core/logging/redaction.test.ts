import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger, type Logger } from './logger'

const SECRETS = {
  password: 'Secret123',
  refreshToken: 'eyJhbGciOiJIUzI1NiJ9.refresh.signature',
  accessToken: 'eyJhbGciOiJIUzI1NiJ9.access.signature',
  bearer: 'Bearer eyJhbGciOiJIUzI1NiJ9.bearer.signature',
  openAiKey: 'sk-proj-abcdef0123456789',
  localKey: 'lm-studio-local-key-4711',
  apiKey: 'sk-ant-api-key-0042',
  cookie: 'nf_session=cookie-value-1234',
  setCookie: 'nf_refresh=set-cookie-value-5678; HttpOnly',
  csrf: 'csrf-token-value-9abc',
  jwt: 'k9Qz3vXw7LpR2mN8bT5yH1cF6dJ4sA0eGuVoWiYx',
}

let logDir: string
let log: Logger
beforeEach(() => {
  logDir = join(mkdtempSync(join(tmpdir(), 'narraforge-logs-')), 'logs')
  // The application's own logger, writing its rotated JSON files as it does in a data folder.
  log = createLogger({ logDir, quiet: true, level: 'debug' })
})
afterEach(() => rmSync(join(logDir, '..'), { recursive: true, force: true }))

/** Every JSON line in the log folder, once `count` of them have reached the disk. */
async function linesOnDisk(count: number): Promise<Record<string, any>[]> {
  const read = () =>
    readdirSync(logDir)
      .filter((name) => name.endsWith('.log'))
      .flatMap((name) => readFileSync(join(logDir, name), 'utf8').split('\n'))
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>)
  log.flush()
  await expect.poll(() => read().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count)
  return read()
}

describe('the application logger', () => {
  it('hides passwords, tokens, authorization headers and API keys at any usual depth', async () => {
    log.info({ password: SECRETS.password, email: 'anna@example.com' }, 'login attempt')
    log.info({ body: { refresh_token: SECRETS.refreshToken } }, 'refresh')
    log.info({ req: { method: 'GET', headers: { authorization: SECRETS.bearer } } }, 'request')
    log.info({ authorization: SECRETS.bearer }, 'header')
    log.info(
      { settings: { OPENAI_API_KEY: SECRETS.openAiKey, RATE_LIMIT_PER_MINUTE: 60 } },
      'settings',
    )
    log.child({ module: 'auth' }).warn({ OPENAI_API_KEY: SECRETS.openAiKey }, 'from a child')

    const [login, refresh, request, header, settings, child] = await linesOnDisk(6)

    const written = readdirSync(logDir).map((n) => readFileSync(join(logDir, n), 'utf8'))
    for (const secret of Object.values(SECRETS)) expect(written.join('')).not.toContain(secret)
    expect(login).toMatchObject({ password: '[redacted]', email: 'anna@example.com' })
    expect(refresh!.body.refresh_token).toBe('[redacted]')
    expect(request!.req).toEqual({ method: 'GET', headers: { authorization: '[redacted]' } })
    expect(header!.authorization).toBe('[redacted]')
    expect(settings!.settings).toEqual({ OPENAI_API_KEY: '[redacted]', RATE_LIMIT_PER_MINUTE: 60 })
    expect(child).toMatchObject({ module: 'auth', OPENAI_API_KEY: '[redacted]' })
  })

  it('hides cookies, CSRF tokens, the local model key and keys nested four deep', async () => {
    log.info({
      res: {
        headers: {
          cookie: SECRETS.cookie,
          'set-cookie': [SECRETS.setCookie],
          'x-csrf-token': SECRETS.csrf,
        },
      },
    })
    log.info({ settings: { LOCAL_MODEL_API_KEY: SECRETS.localKey, JWT_SECRET_KEY: SECRETS.jwt } })
    log.error(
      {
        err: {
          request: {
            options: { headers: { authorization: SECRETS.bearer } },
            api_key: SECRETS.apiKey,
          },
          response: { body: { access_token: SECRETS.accessToken } },
        },
      },
      'provider refused',
    )

    const [headers, settings, providerError] = await linesOnDisk(3)

    expect(headers!.res.headers).toEqual({
      cookie: '[redacted]',
      'set-cookie': '[redacted]',
      'x-csrf-token': '[redacted]',
    })
    expect(settings!.settings).toEqual({
      LOCAL_MODEL_API_KEY: '[redacted]',
      JWT_SECRET_KEY: '[redacted]',
    })
    expect(providerError!.err).toEqual({
      request: { options: { headers: { authorization: '[redacted]' } }, api_key: '[redacted]' },
      response: { body: { access_token: '[redacted]' } },
    })
  })
})

describe.skipIf(process.platform === 'win32')('the log folder', () => {
  it('is readable by its owner only, and so are the files in it', async () => {
    log.info('started')
    await linesOnDisk(1)

    expect(statSync(logDir).mode & 0o777).toBe(0o700)
    for (const name of readdirSync(logDir)) {
      expect(statSync(join(logDir, name)).mode & 0o777, name).toBe(0o600)
    }
  })

  it('takes back the permissions an older version gave its folder and files', () => {
    const older = join(logDir, '..', 'older-logs')
    mkdirSync(older, { mode: 0o755 })
    writeFileSync(join(older, 'narraforge.1.log'), '{}\n', { mode: 0o644 })

    createLogger({ logDir: older, quiet: true })

    expect(statSync(older).mode & 0o777).toBe(0o700)
    expect(statSync(join(older, 'narraforge.1.log')).mode & 0o777).toBe(0o600)
  })
})
