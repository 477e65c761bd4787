import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { HealthCheckSchema, LivenessSchema, ReadinessSchema } from '@shared/contracts/health'
import { AppError } from '../errors/app-error'
import type { RunMode } from '../config/settings-schema'
import type { AppEnv } from '../http/context'
import { errorResponse, jsonResponse, PUBLIC_ERRORS } from '../http/route-helpers'
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
  description:
    'Runs every check and answers 200 only when each one is ok. A single degraded or down ' +
    'check, critical or not, makes it 503; the body has the same shape either way and says ' +
    'which check failed and why. A desktop without an AI provider is therefore not ready: ' +
    'drafting works, generation does not. The liveness routes stay 200.',
  request: {
    query: z.object({
      fresh: z.enum(['0', '1']).optional().describe('1 skips cached provider pings'),
    }),
  },
  responses: {
    200: jsonResponse(ReadinessSchema, 'Ready: every check is ok'),
    503: jsonResponse(ReadinessSchema, 'Not ready; the checks that are not ok say why'),
  },
})
const recheck = createRoute({
  method: 'post',
  path: '/health/checks/{name}',
  tags,
  summary: 'Check one dependency again, now',
  description:
    'Runs the named check past any cache (a provider is pinged even within its minute) and ' +
    'answers its fresh result with 200, whatever its status. Open health panels hear of a ' +
    'change through the `health.changed` event. Names are those listed by /health/ready, ' +
    'such as `database` or `provider:openai` (URL-encode the colon if your client needs to).',
  request: {
    params: z.object({
      name: z.string().min(1).max(100).describe('database, disk, provider:openai, …'),
    }),
  },
  responses: {
    200: jsonResponse(HealthCheckSchema, 'The check, just run'),
    404: errorResponse('No check has that name'),
    ...PUBLIC_ERRORS,
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
    .openapi(recheck, async (c) => {
      const { name } = c.req.valid('param')
      const result = await deps.registry.runCheck(name)
      if (!result) throw new AppError('not_found', `No health check is named ${name}`)
      return c.json(result, 200)
    })
}
