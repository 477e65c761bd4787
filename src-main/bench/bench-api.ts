import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { AddressInfo } from 'node:net'
import type { Core } from '../core/create-core'
import type { TransportEnv } from '../core/http/context'
import { formatTiming, timeCalls } from './measure'

/**
 * What the API layer costs: an authenticated call in-process (as IPC makes it) against a bare
 * Hono handler, the same over loopback HTTP, and a login (argon2id verification included).
 */
export async function benchApi(core: Core, print: (line: string) => void): Promise<void> {
  const email = `bench-${Date.now()}@example.com`
  const password = 'Bench12345'
  const reg = await core.app.request('/api/auth/register', json({ email, password }), ipc)
  const { access_token: token } = (await reg.json()) as { access_token: string }
  const auth = { headers: { authorization: `Bearer ${token}` } }

  const bare = new Hono().get('/ping', (c) => c.json({ ok: true }))
  print(
    formatTiming(
      'bare Hono call, in-process',
      await timeCalls(async () => bare.request('/ping'), 5_000),
    ),
  )
  print(
    formatTiming(
      'GET /api/auth/me, in-process (IPC path)',
      await timeCalls(async () => core.app.request('/api/auth/me', auth, ipc), 3_000),
    ),
  )
  print(
    formatTiming(
      'GET /api/projects, in-process (IPC path)',
      await timeCalls(async () => core.app.request('/api/projects', auth, ipc), 2_000),
    ),
  )

  const web = new Hono().all('/api/*', (c) => core.app.fetch(c.req.raw, c.env as TransportEnv))
  const server = serve({ fetch: web.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => bareServer.once('listening', resolve))
  const bareBase = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`
  print(
    formatTiming(
      'bare Hono call, HTTP loopback',
      await timeCalls(() => fetch(`${bareBase}/ping`).then((r) => r.text()), 2_000),
    ),
  )
  print(
    formatTiming(
      'GET /api/auth/me, HTTP loopback',
      await timeCalls(() => fetch(`${base}/api/auth/me`, auth).then((r) => r.text()), 2_000),
    ),
  )
  server.close()
  bareServer.close()

  const login = await timeCalls(
    async () =>
      core.app.request('/api/auth/login', json({ email, password }), {
        ipcClient: `login-${Math.random()}`,
      }),
    100,
    5,
  )
  print(formatTiming('POST /api/auth/login (argon2id verify)', login, 'ms'))
}

const ipc: TransportEnv = { ipcClient: 'bench-window' }

function json(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }
}
