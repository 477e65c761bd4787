import { z } from 'zod'
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { IdParamSchema, pageOf } from '@shared/contracts/common'
import {
  NarrativeDetailSchema,
  NarrativeListQuerySchema,
  NarrativeSummarySchema,
} from '@shared/contracts/narratives'
import type { AppEnv } from '../http/context'
import { AUTHED_ERRORS, BEARER, jsonResponse, NOT_FOUND } from '../http/route-helpers'
import type { NarrativesService } from './narratives-service'

const common = { tags: ['narratives'], security: BEARER }

const list = createRoute({
  ...common,
  method: 'get',
  path: '/narratives',
  summary: 'Narratives, newest first, filtered by project, genre or form',
  request: { query: NarrativeListQuerySchema },
  responses: { 200: jsonResponse(pageOf(NarrativeSummarySchema), 'One page'), ...AUTHED_ERRORS },
})

const get = createRoute({
  ...common,
  method: 'get',
  path: '/narratives/{id}',
  summary: 'A narrative with its text and metadata (counts a view)',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(NarrativeDetailSchema, 'The narrative'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const text = createRoute({
  ...common,
  method: 'get',
  path: '/narratives/{id}/text',
  summary: 'The narrative as plain UTF-8 text',
  request: { params: IdParamSchema },
  responses: {
    200: { content: { 'text/plain': { schema: z.string() } }, description: 'Plain text' },
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const remove = createRoute({
  ...common,
  method: 'delete',
  path: '/narratives/{id}',
  summary: 'Delete a narrative; its project’s counters follow',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted' }, ...AUTHED_ERRORS, ...NOT_FOUND },
})

export function narrativesRoutes(service: NarrativesService) {
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) =>
      c.json(await service.list(c.get('user').id, c.req.valid('query')), 200),
    )
    .openapi(get, async (c) =>
      c.json(await service.get(c.get('user').id, c.req.valid('param').id), 200),
    )
    .openapi(text, async (c) => {
      const narrative = await service.getText(c.get('user').id, c.req.valid('param').id)
      return c.text(narrative.text, 200, { 'Content-Type': 'text/plain; charset=utf-8' })
    })
    .openapi(remove, async (c) => {
      await service.remove(c.get('user').id, c.req.valid('param').id)
      return c.body(null, 204)
    })
}
