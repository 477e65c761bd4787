import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import type { PushEvent } from '@shared/contracts/events'
import type { AppEnv } from '../http/context'
import { AUTHED_ERRORS, BEARER } from '../http/route-helpers'
import { isFor, type EventBus } from './event-bus'

/** Comment lines keep proxies and browsers from closing an idle stream. */
const KEEP_ALIVE_MS = 15_000

const events = createRoute({
  method: 'get',
  path: '/events',
  tags: ['events'],
  security: BEARER,
  summary:
    'Server-sent events for the signed-in user: job progress, stages, streamed prose, costs, health',
  description:
    'Each message is `data: <PushEvent JSON>`. EventSource cannot send headers, so the access token may be passed as `?access_token=`.',
  request: { query: z.object({ access_token: z.string().optional() }) },
  responses: {
    200: {
      content: { 'text/event-stream': { schema: z.string() } },
      description: 'The event stream',
    },
    ...AUTHED_ERRORS,
  },
})

export function eventsRoutes(bus: EventBus) {
  return new OpenAPIHono<AppEnv>().openapi(events, (c) => {
    const userId = c.get('user').id
    return streamSSE(c, async (stream) => {
      const queue: PushEvent[] = []
      let wake: (() => void) | undefined
      const unsubscribe = bus.subscribe((event) => {
        if (!isFor(event, userId)) return
        queue.push(event)
        wake?.()
      })
      stream.onAbort(() => {
        unsubscribe()
        wake?.()
      })
      // node-server cancels the body when the client leaves, but a fetch-style caller only
      // aborts the request's signal; either must end the stream, or the listener leaks.
      c.req.raw.signal.addEventListener('abort', () => stream.abort(), { once: true })
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ user_id: userId }) })
      while (!stream.aborted) {
        const next = queue.shift()
        if (next) {
          await stream.writeSSE({ data: JSON.stringify(next) })
          continue
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEP_ALIVE_MS)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        wake = undefined
        if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n')
      }
      unsubscribe()
    }) as never
  })
}
