import { describe, expect, it } from 'vitest'
import type { AuthResponse } from '@shared/contracts/auth'
import { createApiClient, filenameOf, queryString, type SessionPort } from './api-client'
import { ApiError } from './api-error'
import type { Transport, TransportRequest, TransportResponse } from './transport'

type Handler = (request: TransportRequest) => TransportResponse | Promise<TransportResponse>

function reply(
  status: number,
  body: unknown = null,
  headers: Record<string, string> = {},
): TransportResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    text: async () => text,
    blob: async () => new Blob([text]),
  }
}

function fakeTransport(handler: Handler) {
  const sent: TransportRequest[] = []
  const transport: Transport = {
    kind: 'http',
    send: async (request) => {
      sent.push(request)
      return handler(request)
    },
    sessionHeaders: () => ({ 'X-NarraForge-Client': 'browser', 'X-CSRF-Token': 'csrf' }),
    mayHaveSession: () => true,
  }
  return { transport, sent }
}

function fakeSession(token: string | null) {
  const state = { token, ended: 0 }
  const port: SessionPort = {
    accessToken: () => state.token,
    started: (auth: AuthResponse) => {
      state.token = auth.access_token
    },
    ended: () => {
      state.ended += 1
      state.token = null
    },
  }
  return { state, port }
}

const renewed = { access_token: 'fresh', token_type: 'bearer', expires_in: 1800, user: {} }
const unauthenticated = { detail: 'Token expired', request_id: 'r1', error_type: 'unauthenticated' }

describe('api client', () => {
  it('sends the access token and parses JSON', async () => {
    const { transport, sent } = fakeTransport(() => reply(200, { ok: true }))
    const client = createApiClient(transport, fakeSession('t1').port)

    await expect(client.request({ path: '/projects', query: { page: 2 } })).resolves.toEqual({
      ok: true,
    })
    expect(sent[0]?.path).toBe('/api/projects?page=2')
    expect(sent[0]?.headers.Authorization).toBe('Bearer t1')
  })

  it('refreshes once on a 401 and retries with the new token', async () => {
    const { transport, sent } = fakeTransport((request) => {
      if (request.path === '/api/auth/refresh') return reply(200, renewed)
      return request.headers.Authorization === 'Bearer fresh'
        ? reply(200, [1])
        : reply(401, unauthenticated)
    })
    const session = fakeSession('stale')
    const client = createApiClient(transport, session.port)

    await expect(client.request({ path: '/projects' })).resolves.toEqual([1])
    expect(sent.map((r) => r.path)).toEqual(['/api/projects', '/api/auth/refresh', '/api/projects'])
    expect(sent[1]?.headers['X-CSRF-Token']).toBe('csrf')
    expect(sent[1]?.body).toBe('{}')
    expect(session.state.token).toBe('fresh')
  })

  it('shares one refresh between calls that fail together', async () => {
    let refreshes = 0
    const { transport } = fakeTransport((request) => {
      if (request.path === '/api/auth/refresh') {
        refreshes += 1
        return reply(200, renewed)
      }
      return request.headers.Authorization === 'Bearer fresh'
        ? reply(200, { ok: 1 })
        : reply(401, unauthenticated)
    })
    const client = createApiClient(transport, fakeSession('stale').port)

    await Promise.all([client.request({ path: '/a' }), client.request({ path: '/b' })])
    expect(refreshes).toBe(1)
  })

  it('ends the session when the refresh is refused, without retrying', async () => {
    const { transport, sent } = fakeTransport(() => reply(401, unauthenticated))
    const session = fakeSession('stale')
    const client = createApiClient(transport, session.port)

    const error = await client.request({ path: '/projects' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(401)
    expect(session.state.ended).toBe(1)
    expect(sent).toHaveLength(2)
  })

  it('does not refresh when a sign-in call itself is refused', async () => {
    const { transport, sent } = fakeTransport(() => reply(401, unauthenticated))
    const client = createApiClient(transport, fakeSession(null).port)

    await expect(
      client.request({ method: 'POST', path: '/auth/login', body: {}, auth: 'session' }),
    ).rejects.toThrow('Token expired')
    expect(sent).toHaveLength(1)
    expect(sent[0]?.headers.Authorization).toBeUndefined()
  })

  it('reads Retry-After and field errors from refusals', async () => {
    const { transport } = fakeTransport(() =>
      reply(
        429,
        { detail: 'Slow down', request_id: 'r', error_type: 'rate_limited' },
        { 'retry-after': '42' },
      ),
    )
    const client = createApiClient(transport, fakeSession(null).port)

    const error = (await client
      .request({ path: '/auth/login', auth: 'session' })
      .catch((e) => e)) as ApiError
    expect(error.type).toBe('rate_limited')
    expect(error.retryAfter).toBe(42)
  })

  it('treats accepted statuses as data', async () => {
    const { transport } = fakeTransport(() => reply(503, { status: 'not_ready' }))
    const client = createApiClient(transport, fakeSession('t').port)

    await expect(client.request({ path: '/health/ready', acceptStatus: [503] })).resolves.toEqual({
      status: 'not_ready',
    })
  })

  it('turns a transport failure into a network error', async () => {
    const { transport } = fakeTransport(() => {
      throw new TypeError('Failed to fetch')
    })
    const client = createApiClient(transport, fakeSession('t').port)

    const error = (await client.request({ path: '/projects' }).catch((e) => e)) as ApiError
    expect(error.type).toBe('network')
    expect(error.status).toBe(0)
  })
})

describe('request helpers', () => {
  it('leaves empty query values out', () => {
    expect(queryString({ status: undefined, page: 1, project_id: '' })).toBe('?page=1')
  })

  it('reads the file name of a download', () => {
    expect(filenameOf({ 'content-disposition': 'attachment; filename="story.md"' })).toBe(
      'story.md',
    )
    expect(
      filenameOf({ 'content-disposition': "attachment; filename*=UTF-8''Z%C5%82oto.epub" }),
    ).toBe('Złoto.epub')
    expect(filenameOf({})).toBeNull()
  })
})
