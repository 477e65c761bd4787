import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import {
  ExportFormatSchema,
  NarrativeDetailSchema,
  NarrativeUpdateSchema,
  NarrativeVersionSchema,
  NarrativeVersionSummarySchema,
} from '@shared/contracts/narratives'
import type { Database } from '../db/open-database'
import { exportNarrative } from '../exports/export-narrative'
import type { AppEnv } from '../http/context'
import {
  AUTHED_ERRORS,
  BEARER,
  errorResponse,
  jsonBody,
  jsonResponse,
  NOT_FOUND,
} from '../http/route-helpers'
import { loadExportable } from './load-exportable'
import type { VersionsService } from './versions-service'

const common = { tags: ['narratives'], security: BEARER }
const VersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().positive() })

const save = createRoute({
  ...common,
  method: 'put',
  path: '/narratives/{id}',
  summary: 'Save edited text as a new version',
  request: { params: z.object({ id: z.uuid() }), ...jsonBody(NarrativeUpdateSchema) },
  responses: {
    200: jsonResponse(NarrativeDetailSchema, 'Saved'),
    409: errorResponse('Saved elsewhere since base_version; reload first'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const list = createRoute({
  ...common,
  method: 'get',
  path: '/narratives/{id}/versions',
  summary: 'Every saved version, newest first',
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: jsonResponse(z.array(NarrativeVersionSummarySchema), 'Versions'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const get = createRoute({
  ...common,
  method: 'get',
  path: '/narratives/{id}/versions/{version}',
  summary: 'One version with its text',
  request: { params: VersionParams },
  responses: {
    200: jsonResponse(NarrativeVersionSchema, 'The version'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const restore = createRoute({
  ...common,
  method: 'post',
  path: '/narratives/{id}/versions/{version}/restore',
  summary: 'Make an old version current again (saved as a new version)',
  request: { params: VersionParams },
  responses: {
    200: jsonResponse(NarrativeDetailSchema, 'Restored'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const exportRoute = createRoute({
  ...common,
  method: 'get',
  path: '/narratives/{id}/export/{format}',
  summary: 'Download as Markdown, plain text, DOCX, EPUB 3 or an audiobook script',
  request: { params: z.object({ id: z.uuid(), format: ExportFormatSchema }) },
  responses: {
    200: {
      content: { 'application/octet-stream': { schema: z.string() } },
      description: 'The file',
    },
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

export function versionsRoutes(service: VersionsService, db: Database) {
  return new OpenAPIHono<AppEnv>()
    .openapi(save, async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await service.save(c.get('user').id, id, c.req.valid('json')), 200)
    })
    .openapi(list, async (c) =>
      c.json(await service.list(c.get('user').id, c.req.valid('param').id), 200),
    )
    .openapi(get, async (c) => {
      const { id, version } = c.req.valid('param')
      return c.json(await service.get(c.get('user').id, id, version), 200)
    })
    .openapi(restore, async (c) => {
      const { id, version } = c.req.valid('param')
      return c.json(await service.restore(c.get('user').id, id, version), 200)
    })
    .openapi(exportRoute, async (c) => {
      const { id, format } = c.req.valid('param')
      const file = await exportNarrative(await loadExportable(db, c.get('user').id, id), format)
      return c.body(file.body as never, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      }) as never
    })
}
