import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Logger } from '../logging/logger'
import type { UserRow } from '../users/users-service'

/** Facts the transport supplies with each request (`app.fetch(request, env)`). */
export interface TransportEnv {
  /** Set by the Electron bridge: the window that sent the request. */
  ipcClient?: string
  /** Set by @hono/node-server: the raw Node request, for the remote address. */
  incoming?: { socket?: { remoteAddress?: string } }
}

export interface AuthenticatedUser {
  id: string
  tier: 'free' | 'pro' | 'enterprise'
  /** The row the sign-in check read, this month's counters included; reused, not read again. */
  row: UserRow
}

export interface AppVariables {
  requestId: string
  log: Logger
  user: AuthenticatedUser
}

export interface AppEnv {
  Bindings: TransportEnv
  Variables: AppVariables
}

export type App = OpenAPIHono<AppEnv>
