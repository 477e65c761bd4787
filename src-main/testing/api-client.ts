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
  /** Send the request the way the Electron bridge does, as this window. */
  ipcClient?: string
}

export type CallResult = Awaited<ReturnType<typeof call>>

/** A signed-up writer with its own address, so its requests fill only its own rate buckets. */
export interface Writer {
  auth: AuthResponse
  token: string
  ip: string
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>
}

export const STRONG_PASSWORD = 'Secret123'

/** Calls the core in-process, the way the IPC bridge does, and parses JSON answers. */
export async function call(
  core: TestCore,
  method: string,
  path: string,
  options: CallOptions = {},
) {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined
  if (options.raw !== undefined) body = options.raw
  else if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined) headers['content-type'] ??= 'application/json'

  const env = options.ipcClient
    ? { ipcClient: options.ipcClient }
    : { incoming: { socket: { remoteAddress: options.ip ?? '10.0.0.1' } } }
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
let ipCounter = 0

/** A client address no other caller in this process has used. */
export function uniqueIp(): string {
  ipCounter += 1
  return `10.2.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}`
}

/** Registers a fresh user and returns its tokens. */
export async function registerUser(core: TestCore, email?: string): Promise<AuthResponse> {
  counter += 1
  const res = await call(core, 'POST', '/api/auth/register', {
    body: {
      email: email ?? `writer${counter}-${Date.now()}@example.com`,
      password: STRONG_PASSWORD,
    },
    ip: `10.1.${counter % 250}.${Math.floor(counter / 250)}`,
  })
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`)
  return res.json as AuthResponse
}

/** Registers a fresh user and binds its token and its own address to `call`. */
export async function signUp(core: TestCore, email?: string): Promise<Writer> {
  const auth = await registerUser(core, email)
  const ip = uniqueIp()
  return {
    auth,
    token: auth.access_token,
    ip,
    call: (method, path, options = {}) =>
      call(core, method, path, { token: auth.access_token, ip, ...options }),
  }
}
