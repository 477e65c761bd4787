import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { LivenessSchema, ReadinessSchema } from '@shared/contracts/health'
import type { RunMode } from '../config/settings-schema'
import type { AppEnv } from '../http/context'
import { jsonResponse } from '../http/route-helpers'
import { isReady, type HealthRegistry } from './health-registry'

export interface HealthRouteDeps {
  registry: HealthRegistry
  version: string
  mode: RunMode
  startedAt: number
  now: () => Date
}

const tags = ['health']
const liveResponses = { 200: jsonResponse(LivenessSchema, 'The process is running') }

const root = createRoute({
  method: 'get',
  path: '/health',
  tags,
  summary: 'Alive',
  responses: liveResponses,
})
const live = createRoute({
  method: 'get',
  path: '/health/live',
  tags,
  summary: 'Alive',
  responses: liveResponses,
})
const ready = createRoute({
  method: 'get',
  path: '/health/ready',
  tags,
  summary: 'Every dependency usable (200) or not (503), one entry per dependency',
  request: {
    query: z.object({
      fresh: z.enum(['0', '1']).optional().describe('1 skips cached provider pings'),
    }),
  },
  responses: {
    200: jsonResponse(ReadinessSchema, 'Ready'),
    503: jsonResponse(ReadinessSchema, 'Not ready; the failing checks say why'),
  },
})

export function healthRoutes(deps: HealthRouteDeps) {
  const alive = () => ({
    status: 'alive' as const,
    version: deps.version,
    uptime_s: Math.round((Date.now() - deps.startedAt) / 1000),
    mode: deps.mode,
    timestamp: deps.now().toISOString(),
  })
  return new OpenAPIHono<AppEnv>()
    .openapi(root, (c) => c.json(alive(), 200))
    .openapi(live, (c) => c.json(alive(), 200))
    .openapi(ready, async (c) => {
      const checks = await deps.registry.runAll(c.req.valid('query').fresh === '1')
      const ok = isReady(checks)
      const body = {
        status: ok ? ('ready' as const) : ('not_ready' as const),
        version: deps.version,
        timestamp: deps.now().toISOString(),
        checks,
      }
      return ok ? c.json(body, 200) : c.json(body, 503)
    })
}
