import JSZip from 'jszip'
import type { BridgeRequest, BridgeResponse } from '@shared/contracts/bridge'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, registerUser, STRONG_PASSWORD } from '../testing/api-client'
import { createTestCore, insertNarrative, type TestCore } from '../testing/test-core'
import { AppError } from '../core/errors/app-error'
import { handleBridgeRequest, type SessionVault } from './bridge-handler'
import { createMemoryVault } from './session-vault'

let core: TestCore
let windows = 0
beforeAll(async () => {
  core = await createTestCore()
})
afterAll(() => core.dispose())

/** A window of its own per test, so sign-in rate limits never spill between tests. */
function openWindow(vault: SessionVault = createMemoryVault()) {
  windows += 1
  const windowId = `window-${windows}`
  const send = (request: BridgeRequest): Promise<BridgeResponse> =>
    handleBridgeRequest(core, vault, windowId, request)
  return { vault, send }
}

const json = { 'content-type': 'application/json' }

/** Every entry of a zip archive, by name, as text. */
async function readZip(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes)
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir)
  const texts = await Promise.all(names.map((name) => zip.file(name)!.async('string')))
  return Object.fromEntries(names.map((name, i) => [name, texts[i]!]))
}

async function signInThroughBridge(
  path = '/api/auth/login',
  headers: Record<string, string> = json,
) {
  const auth = await registerUser(core)
  const window = openWindow()
  const res = await window.send({
    method: 'POST',
    path,
    headers,
    body: JSON.stringify({ email: auth.user.email, password: STRONG_PASSWORD }),
  })
  return { ...window, auth, res, body: JSON.parse(res.body) }
}

describe('the IPC bridge', () => {
  it('runs bridged requests through the HTTP middleware: request id and rate-limit headers', async () => {
    const { send } = openWindow()

    const res = await send({ method: 'GET', path: '/api/health/live' })

    expect(res).toMatchObject({ status: 200, encoding: 'utf8' })
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers).toMatchObject({
      'x-ratelimit-limit': '1200',
      'x-ratelimit-remaining': '1199',
      'x-ratelimit-reset': expect.any(String),
    })
  })

  it('keeps the refresh token from a sign-in in the vault and out of what the renderer sees', async () => {
    const { vault, res, body, auth } = await signInThroughBridge()

    expect(res.status).toBe(200)
    expect(body.access_token).toEqual(expect.any(String))
    expect(body).not.toHaveProperty('refresh_token')
    expect(res.body).not.toContain(vault.get())
    expect(vault.get()).toEqual(expect.any(String))
    expect(vault.userId()).toBe(auth.user.id)
  })

  it('refreshes with the vault’s token when the renderer sends an empty body, and rotates it', async () => {
    const { vault, send } = await signInThroughBridge()
    const first = vault.get()!

    const res = await send({ method: 'POST', path: '/api/auth/refresh', headers: json, body: '{}' })

    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).not.toHaveProperty('refresh_token')
    expect(vault.get()).toEqual(expect.any(String))
    expect(vault.get()).not.toBe(first)
    // The rotated token is spent: presenting it again ends the session.
    const reuse = await call(core, 'POST', '/api/auth/refresh', { body: { refresh_token: first } })
    expect(reuse.status).toBe(401)
  })

  it('clears the vault on sign-out and ends the session on the server', async () => {
    const { vault, send } = await signInThroughBridge()
    const token = vault.get()!

    const res = await send({ method: 'POST', path: '/api/auth/logout', headers: json, body: '{}' })

    expect(res.status).toBe(204)
    expect(vault.get()).toBeNull()
    expect(vault.userId()).toBeNull()
    const after = await call(core, 'POST', '/api/auth/refresh', { body: { refresh_token: token } })
    expect(after.status).toBe(401)
  })

  it.each(['/api/auth/login?x=1', '/api/auth/%6Cogin', '/api/projects/../auth/login#x'])(
    'keeps the refresh token out of a sign-in sent as %s',
    async (path) => {
      const { vault, res, body, auth } = await signInThroughBridge(path)

      expect(res.status).toBe(200)
      expect(body).not.toHaveProperty('refresh_token')
      expect(vault.get()).toEqual(expect.any(String))
      expect(res.body).not.toContain(vault.get())
      expect(vault.userId()).toBe(auth.user.id)
    },
  )

  it('refreshes and signs out with the vault’s token when the path carries a query', async () => {
    const { vault, send } = await signInThroughBridge()
    const first = vault.get()!

    const refreshed = await send({
      method: 'POST',
      path: '/api/auth/refresh?x=1',
      headers: json,
      body: '{}',
    })
    expect(refreshed.status).toBe(200)
    expect(vault.get()).not.toBe(first)
    const second = vault.get()!

    const out = await send({
      method: 'POST',
      path: '/api/auth/logout?x=1',
      headers: json,
      body: '{}',
    })

    expect(out.status).toBe(204)
    expect([vault.get(), vault.userId()]).toEqual([null, null])
    const after = await call(core, 'POST', '/api/auth/refresh', { body: { refresh_token: second } })
    expect(after.status).toBe(401)
  })

  it('ignores a request for a cookie session and never passes a set-cookie to the window', async () => {
    const { vault, res, body } = await signInThroughBridge('/api/auth/login', {
      ...json,
      'X-NarraForge-Client': 'browser',
    })

    expect(res.status).toBe(200)
    expect(Object.keys(res.headers)).not.toContain('set-cookie')
    expect(body).not.toHaveProperty('refresh_token')
    expect(vault.get()).toEqual(expect.any(String))
  })

  it('does not let a cookie present a refresh token the vault never held', async () => {
    const { vault } = await signInThroughBridge()
    const stranger = openWindow()

    const res = await stranger.send({
      method: 'POST',
      path: '/api/auth/refresh',
      headers: { ...json, cookie: `nf_refresh=${vault.get()}; nf_csrf=abc`, 'x-csrf-token': 'abc' },
      body: '{}',
    })

    expect(res.status).toBe(401)
    expect(stranger.vault.get()).toBeNull()
  })

  it.each([
    ['an unknown method', { method: 'TRACE', path: '/api/health' }],
    ['a path outside the API', { method: 'GET', path: '/etc/passwd' }],
    ['a path that is not a string', { method: 'GET', path: 42 }],
    ['no request at all', null],
  ])('refuses %s', async (_, raw) => {
    const { send } = openWindow()

    const refused = send(raw as BridgeRequest)

    await expect(refused).rejects.toBeInstanceOf(AppError)
    await expect(refused).rejects.toMatchObject({ kind: 'validation' })
  })

  it.each(['docx', 'epub'])(
    'returns a %s export as base64 that decodes to the same archive',
    async (format) => {
      const { send, body } = await signInThroughBridge()
      const headers = { authorization: `Bearer ${body.access_token}` }
      const project = await send({
        method: 'POST',
        path: '/api/projects',
        headers: { ...headers, ...json },
        body: JSON.stringify({ name: 'Lighthouses' }),
      })
      const owner = { userId: body.user.id, projectId: JSON.parse(project.body).id }
      const narrative = await insertNarrative(core, owner)
      const path = `/api/narratives/${narrative.id}/export/${format}`

      const res = await send({ method: 'GET', path, headers })

      expect(res).toMatchObject({ status: 200, encoding: 'base64' })
      expect(res.headers['content-disposition']).toContain(`.${format}`)
      const bytes = Buffer.from(res.body, 'base64')
      expect(bytes.subarray(0, 2).toString()).toBe('PK')
      const direct = await core.app.request(path, { headers }, { ipcClient: 'direct' })
      // Compared entry by entry: the DOCX writer stamps zip entries with the current time.
      const expected = await readZip(Buffer.from(await direct.arrayBuffer()))
      expect(await readZip(bytes)).toEqual(expected)
      expect(Object.keys(expected).length).toBeGreaterThan(2)
    },
  )

  it('keeps JSON and text answers as UTF-8', async () => {
    const { send, body } = await signInThroughBridge()
    const headers = { authorization: `Bearer ${body.access_token}` }

    const me = await send({ method: 'GET', path: '/api/auth/me', headers })

    expect(me).toMatchObject({ status: 200, encoding: 'utf8' })
    expect(JSON.parse(me.body).id).toBe(body.user.id)
  })
})
