import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { UsageQuerySchema, UsageSummarySchema } from '@shared/contracts/usage'
import type { Database } from '../db/open-database'
import type { AppEnv } from '../http/context'
import { AUTHED_ERRORS, BEARER, jsonResponse } from '../http/route-helpers'
import { summariseUsage } from './usage-service'

const usage = createRoute({
  method: 'get',
  path: '/usage',
  tags: ['usage'],
  security: BEARER,
  summary: 'The cost ledger by day, model and stage',
  request: { query: UsageQuerySchema },
  responses: { 200: jsonResponse(UsageSummarySchema, 'Usage summary'), ...AUTHED_ERRORS },
})

export function usageRoutes(db: Database, now: () => Date) {
  return new OpenAPIHono<AppEnv>().openapi(usage, async (c) =>
    c.json(await summariseUsage(db, c.get('user').id, c.req.valid('query'), now()), 200),
  )
}
