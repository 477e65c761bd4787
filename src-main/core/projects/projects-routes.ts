import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { IdParamSchema, pageOf } from '@shared/contracts/common'
import {
  ProjectCreateSchema,
  ProjectListQuerySchema,
  ProjectSchema,
  ProjectUpdateSchema,
} from '@shared/contracts/projects'
import type { AppEnv } from '../http/context'
import { AUTHED_ERRORS, BEARER, jsonBody, jsonResponse, NOT_FOUND } from '../http/route-helpers'
import type { ProjectsService } from './projects-service'

const common = { tags: ['projects'], security: BEARER }

const list = createRoute({
  ...common,
  method: 'get',
  path: '/projects',
  summary: 'The writer’s projects, newest first',
  request: { query: ProjectListQuerySchema },
  responses: { 200: jsonResponse(pageOf(ProjectSchema), 'One page of projects'), ...AUTHED_ERRORS },
})

const create = createRoute({
  ...common,
  method: 'post',
  path: '/projects',
  summary: 'Create a project',
  request: jsonBody(ProjectCreateSchema),
  responses: { 201: jsonResponse(ProjectSchema, 'Created'), ...AUTHED_ERRORS },
})

const get = createRoute({
  ...common,
  method: 'get',
  path: '/projects/{id}',
  summary: 'One project with its counters',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(ProjectSchema, 'The project'), ...AUTHED_ERRORS, ...NOT_FOUND },
})

const update = createRoute({
  ...common,
  method: 'patch',
  path: '/projects/{id}',
  summary: 'Change some fields of a project',
  request: { params: IdParamSchema, ...jsonBody(ProjectUpdateSchema) },
  responses: { 200: jsonResponse(ProjectSchema, 'Updated'), ...AUTHED_ERRORS, ...NOT_FOUND },
})

const remove = createRoute({
  ...common,
  method: 'delete',
  path: '/projects/{id}',
  summary: 'Delete a project with its jobs and narratives',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted' }, ...AUTHED_ERRORS, ...NOT_FOUND },
})

export function projectsRoutes(service: ProjectsService) {
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) =>
      c.json(await service.list(c.get('user').id, c.req.valid('query')), 200),
    )
    .openapi(create, async (c) =>
      c.json(await service.create(c.get('user').id, c.req.valid('json')), 201),
    )
    .openapi(get, async (c) =>
      c.json(await service.get(c.get('user').id, c.req.valid('param').id), 200),
    )
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await service.update(c.get('user').id, id, c.req.valid('json')), 200)
    })
    .openapi(remove, async (c) => {
      await service.remove(c.get('user').id, c.req.valid('param').id)
      return c.body(null, 204)
    })
}
