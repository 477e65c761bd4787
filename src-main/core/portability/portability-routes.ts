import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { IdParamSchema } from '@shared/contracts/common'
import { ProjectArchiveSchema } from '@shared/contracts/project-archive'
import { ProjectSchema } from '@shared/contracts/projects'
import type { Database } from '../db/open-database'
import type { AppEnv } from '../http/context'
import {
  AUTHED_ERRORS,
  BEARER,
  errorResponse,
  jsonBody,
  jsonResponse,
  NOT_FOUND,
} from '../http/route-helpers'
import { exportProject } from './export-project'
import { importProject } from './import-project'

export interface PortabilityRoutesOptions {
  db: Database
  now: () => Date
}

const common = { tags: ['projects'], security: BEARER }

const exportRoute = createRoute({
  ...common,
  method: 'get',
  path: '/projects/{id}/export',
  summary: 'The whole project as one JSON file (narraforge.project, version 1)',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(ProjectArchiveSchema, 'The project file, served as an attachment'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const importRoute = createRoute({
  ...common,
  method: 'post',
  path: '/projects/import',
  summary: 'Add an exported project file to the library as a new project',
  request: jsonBody(ProjectArchiveSchema, 'The contents of an exported project file'),
  responses: {
    201: jsonResponse(ProjectSchema, 'The new project'),
    413: errorResponse('The file is over the import limit (MAX_IMPORT_BYTES)'),
    ...AUTHED_ERRORS,
  },
})

/** `GET /projects/{id}/export` and `POST /projects/import`. */
export function portabilityRoutes(options: PortabilityRoutesOptions) {
  return new OpenAPIHono<AppEnv>()
    .openapi(exportRoute, async (c) => {
      const archive = await exportProject(
        options.db,
        c.get('user').id,
        c.req.valid('param').id,
        options.now(),
      )
      const name = fileNameFor(archive.project.name)
      return c.json(archive, 200, { 'Content-Disposition': `attachment; filename="${name}"` })
    })
    .openapi(importRoute, async (c) =>
      c.json(await importProject(options.db, c.get('user').id, c.req.valid('json')), 201),
    )
}

/** An ASCII file name, since Content-Disposition's plain form allows nothing else. */
function fileNameFor(projectName: string): string {
  const slug = projectName
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 60)
  return `${slug || 'project'}.narraforge.json`
}
