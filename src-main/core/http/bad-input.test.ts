import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  call,
  registerUser,
  signUp,
  STRONG_PASSWORD,
  uniqueIp,
  type CallResult,
  type Writer,
} from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

let core: TestCore
let writer: Writer
beforeAll(async () => {
  // A small body limit, so that a request over it is cheap to build.
  core = await createTestCore({ env: { MAX_BODY_BYTES: '2048' } })
  writer = await signUp(core)
})
afterAll(() => core.dispose())

function expectEnvelope(res: CallResult, status: number, errorType: string) {
  expect(res.status).toBe(status)
  expect(res.json).toEqual(
    expect.objectContaining({
      detail: expect.any(String),
      request_id: res.headers.get('x-request-id'),
      error_type: errorType,
    }),
  )
}

describe('bad input', () => {
  it('answers malformed JSON with 400 and the envelope', async () => {
    const res = await call(core, 'POST', '/api/auth/login', {
      raw: '{"email": "a@example.com", "password": ',
      ip: uniqueIp(),
    })

    expectEnvelope(res, 400, 'bad_request')
    expect(res.json.detail).toMatch(/JSON/)
  })

  it('answers malformed JSON on an authenticated route with 400 too', async () => {
    const res = await writer.call('POST', '/api/projects', { raw: 'not json at all' })

    expectEnvelope(res, 400, 'bad_request')
  })

  it('answers wrong types with 422 naming each field', async () => {
    const res = await writer.call('POST', '/api/projects', {
      body: { name: 42, default_genre: 'space opera' },
    })

    expectEnvelope(res, 422, 'validation')
    const fields = res.json.errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['name', 'default_genre']))
  })

  it('answers a wrong query type with 422', async () => {
    const res = await writer.call('GET', '/api/projects?page=first')

    expectEnvelope(res, 422, 'validation')
    expect(res.json.errors).toContainEqual(expect.objectContaining({ field: 'page' }))
  })

  it('answers a malformed id with 422, not a database error', async () => {
    const res = await writer.call('GET', '/api/projects/not-a-uuid')

    expectEnvelope(res, 422, 'validation')
  })

  it('refuses unknown fields on register with 422 naming the field', async () => {
    const res = await call(core, 'POST', '/api/auth/register', {
      body: { email: 'extra@example.com', password: STRONG_PASSWORD, is_admin: true },
      ip: uniqueIp(),
    })

    expectEnvelope(res, 422, 'validation')
    expect(res.json.errors).toContainEqual(expect.objectContaining({ field: 'is_admin' }))
  })

  it('refuses unknown fields on project create with 422 naming the field', async () => {
    const res = await writer.call('POST', '/api/projects', {
      body: { name: 'Atlas', narrative_count: 99 },
    })

    expectEnvelope(res, 422, 'validation')
    expect(res.json.errors).toContainEqual(expect.objectContaining({ field: 'narrative_count' }))
  })

  it('refuses a body over MAX_BODY_BYTES with 413 and the envelope', async () => {
    const res = await writer.call('POST', '/api/projects', {
      body: { name: 'Too long', description: 'x'.repeat(3000) },
    })

    expectEnvelope(res, 413, 'payload_too_large')
    expect(res.json.detail).toContain('2048')
  })

  it('refuses an oversized body before it reaches sign-in', async () => {
    const res = await call(core, 'POST', '/api/auth/register', {
      body: { email: 'big@example.com', password: STRONG_PASSWORD, full_name: 'y'.repeat(3000) },
      ip: uniqueIp(),
    })

    expectEnvelope(res, 413, 'payload_too_large')
  })

  it('answers a body that is not JSON with 415, saying what to send', async () => {
    const res = await writer.call('POST', '/api/projects', {
      raw: 'name=Opowiadania',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })

    expectEnvelope(res, 415, 'unsupported_media_type')
    expect(res.json.detail).toContain('application/x-www-form-urlencoded')
    expect(res.json.detail).toContain('Content-Type: application/json')
  })

  it('answers an unknown route with 404 and the envelope', async () => {
    expectEnvelope(await call(core, 'GET', '/nowhere', { ip: uniqueIp() }), 404, 'not_found')
    expectEnvelope(await writer.call('GET', '/api/nowhere'), 404, 'not_found')
  })
})

describe('request ids', () => {
  it('are on every answer, success or failure', async () => {
    const answers = await Promise.all([
      writer.call('GET', '/api/projects'),
      writer.call('POST', '/api/projects', { body: {} }),
      call(core, 'GET', '/api/auth/me', { ip: uniqueIp() }),
      call(core, 'GET', '/nowhere', { ip: uniqueIp() }),
      call(core, 'GET', '/api/health', { ip: uniqueIp() }),
    ])

    for (const res of answers) {
      expect(res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{8,64}$/)
    }
    const ids = new Set(answers.map((r) => r.headers.get('x-request-id')))
    expect(ids.size).toBe(answers.length)
  })

  it('keep a well-formed id sent by the caller and replace a malformed one', async () => {
    const kept = await call(core, 'GET', '/api/health', {
      headers: { 'X-Request-ID': 'client-trace-0001' },
      ip: uniqueIp(),
    })
    const replaced = await call(core, 'GET', '/api/health', {
      headers: { 'X-Request-ID': 'bad id with spaces' },
      ip: uniqueIp(),
    })

    expect(kept.headers.get('x-request-id')).toBe('client-trace-0001')
    expect(replaced.headers.get('x-request-id')).not.toContain('bad id')
  })
})

describe('an unexpected failure', () => {
  it('is a 500 with the envelope that reveals nothing internal', async () => {
    const broken = await createTestCore()
    try {
      const { access_token } = await registerUser(broken)
      await broken.close()

      const res = await call(broken, 'GET', '/api/auth/me', { token: access_token, ip: uniqueIp() })

      expectEnvelope(res, 500, 'internal')
      expect(res.json.detail).toBe('Internal server error')
      expect(res.text).not.toMatch(/PGlite|closed|at .*\.ts/i)
    } finally {
      await broken.dispose()
    }
  })
})
