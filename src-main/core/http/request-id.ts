import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { Logger } from '../logging/logger'
import type { AppEnv } from './context'

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/

/**
 * Gives every request an id, echoed in `X-Request-ID` and attached to its log lines. A
 * well-formed id from the caller is kept so that a client's logs and ours line up.
 */
export function requestId(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id')
    const id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID()
    c.set('requestId', id)
    c.set('log', log.child({ request_id: id }))
    c.header('X-Request-ID', id)
    await next()
    c.header('X-Request-ID', id)
  }
}
