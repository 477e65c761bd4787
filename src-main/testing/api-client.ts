import type { AuthResponse } from '@shared/contracts/auth'
import type { TestCore } from './test-core'

export interface CallOptions {
  token?: string
  body?: unknown
  /** Raw body, sent as is (for malformed JSON tests). */
  raw?: string
  headers?: Record<string, string>
  /** Remote address the rate limiter should see. */
  ip?: string
}

/** Calls the core in-process, the way the IPC bridge does, and parses JSON answers. */
export async function call(core: TestCore, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined
  if (options.raw !== undefined) body = options.raw
  else if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined) headers['content-type'] ??= 'application/json'

  const env = { incoming: { socket: { remoteAddress: options.ip ?? '10.0.0.1' } } }
  const res = await core.app.request(path, { method, headers, body }, env)
  const text = await res.text()
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    // Not JSON (plain text answers); `text` still holds it.
  }
  return { status: res.status, headers: res.headers, json, text }
}

let counter = 0

/** Registers a fresh user and returns its tokens. */
export async function registerUser(core: TestCore, email?: string): Promise<AuthResponse> {
  counter += 1
  const res = await call(core, 'POST', '/api/auth/register', {
    body: { email: email ?? `writer${counter}-${Date.now()}@example.com`, password: 'Secret123' },
    ip: `10.1.${counter % 250}.${Math.floor(counter / 250)}`,
  })
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`)
  return res.json as AuthResponse
}
