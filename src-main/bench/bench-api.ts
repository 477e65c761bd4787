import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { AddressInfo } from 'node:net'
import type { Core } from '../core/create-core'
import type { TransportEnv } from '../core/http/context'
import { handleBridgeRequest } from '../electron/bridge-handler'
import { createMemoryVault } from '../electron/session-vault'
import { formatTiming, timeCalls } from './measure'

/**
 * What the API layer costs: an authenticated call the way the desktop window makes it (through
 * the IPC bridge's handler, which turns the bridged message into a Request) against a bare Hono
 * handler, the same over loopback HTTP, and a login (argon2id verification included). Each
 * timed call is first made once and must answer 200, so a figure never times a refusal.
 */
export async function benchApi(core: Core, print: (line: string) => void): Promise<void> {
  const email = `bench-${Date.now()}@example.com`
  const password = 'Bench12345'
  const reg = await core.app.request('/api/auth/register', json({ email, password }), ipc)
  const { access_token: token } = (await reg.json()) as { access_token: string }
  const auth = { headers: { authorization: `Bearer ${token}` } }
  const vault = createMemoryVault()
  const bridged = (path: string) => () =>
    handleBridgeRequest(core, vault, ipc.ipcClient!, { method: 'GET', path, ...auth })

  const bare = new Hono().get('/ping', (c) => c.json({ ok: true }))
  await timed(print, 'bare Hono call, in-process', () => bare.request('/ping'), 5_000)
  await timed(print, 'GET /api/auth/me, IPC bridge handler', bridged('/api/auth/me'), 3_000)
  await timed(print, 'GET /api/projects, IPC bridge handler', bridged('/api/projects'), 2_000)

  const web = new Hono().all('/api/*', (c) => core.app.fetch(c.req.raw, c.env as TransportEnv))
  const server = serve({ fetch: web.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => bareServer.once('listening', resolve))
  const bareBase = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`
  try {
    await timed(print, 'bare Hono call, HTTP loopback', () => drained(`${bareBase}/ping`), 2_000)
    await timed(
      print,
      'GET /api/auth/me, HTTP loopback',
      () => drained(`${base}/api/auth/me`, auth),
      2_000,
    )
  } finally {
    server.close()
    bareServer.close()
  }

  // Each login from a window of its own, so the sign-in limit never answers instead.
  const login = () =>
    core.app.request('/api/auth/login', json({ email, password }), {
      ipcClient: `login-${Math.random()}`,
    })
  await timed(print, 'POST /api/auth/login (argon2id verify)', login, 100, {
    warmup: 5,
    unit: 'ms',
  })
}

const ipc: TransportEnv = { ipcClient: 'bench-window' }

interface Answer {
  status: number
}

/** Makes one call that must answer 200, then times `n` of them and prints the figures. */
async function timed(
  print: (line: string) => void,
  label: string,
  call: () => Answer | Promise<Answer>,
  n: number,
  options: { warmup?: number; unit?: 'us' | 'ms' } = {},
): Promise<void> {
  const first = await call()
  if (first.status !== 200) {
    throw new Error(`${label}: answered ${first.status} instead of 200; nothing was timed`)
  }
  const timing = await timeCalls(async () => call(), n, options.warmup)
  print(formatTiming(label, timing, options.unit))
}

/** Fetches over HTTP and reads the whole body, as a client would. */
async function drained(url: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(url, init)
  await res.arrayBuffer()
  return res
}

function json(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }
}
