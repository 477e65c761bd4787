import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { IdParamSchema, pageOf } from '@shared/contracts/common'
import {
  BriefSchema,
  JobCreateSchema,
  JobEstimateSchema,
  JobListQuerySchema,
  JobProseSchema,
  JobResumeSchema,
  JobSchema,
  JobStatusResponseSchema,
} from '@shared/contracts/jobs'
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
import { readJobProse } from './job-prose'
import type { JobsService } from './jobs-service'

const common = { tags: ['jobs'], security: BEARER }
const CONFLICT = { 409: errorResponse('The job is not in a state that allows this') }

const create = createRoute({
  ...common,
  method: 'post',
  path: '/jobs',
  summary: 'Start a generation: takes one generation of the monthly quota',
  request: jsonBody(JobCreateSchema),
  responses: {
    201: jsonResponse(JobSchema, 'Queued, with its estimated cost'),
    503: errorResponse('No AI provider is configured'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const estimate = createRoute({
  ...common,
  method: 'post',
  path: '/jobs/estimate',
  summary: 'What a brief would cost with the current models and prices',
  request: jsonBody(z.strictObject({ brief: BriefSchema })),
  responses: { 200: jsonResponse(JobEstimateSchema, 'Estimate'), ...AUTHED_ERRORS },
})

const list = createRoute({
  ...common,
  method: 'get',
  path: '/jobs',
  summary: 'Jobs, newest first, filtered by status and project',
  request: { query: JobListQuerySchema },
  responses: { 200: jsonResponse(pageOf(JobSchema), 'One page'), ...AUTHED_ERRORS },
})

const get = createRoute({
  ...common,
  method: 'get',
  path: '/jobs/{id}',
  summary: 'One job',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(JobSchema, 'The job'), ...AUTHED_ERRORS, ...NOT_FOUND },
})

const status = createRoute({
  ...common,
  method: 'get',
  path: '/jobs/{id}/status',
  summary: 'Stage, progress, cost per stage and estimated time left',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(JobStatusResponseSchema, 'Status'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const prose = createRoute({
  ...common,
  method: 'get',
  path: '/jobs/{id}/prose',
  summary: 'The prose written so far, one entry per segment, from the job’s checkpoints',
  description:
    'Each segment holds its newest checkpointed take (rewritten, polished or drafted). Text still streaming is not here yet; it arrives as `job.prose` events.',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(JobProseSchema, 'Prose so far, in story order'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

const cancel = createRoute({
  ...common,
  method: 'post',
  path: '/jobs/{id}/cancel',
  summary: 'Cancel a queued or running job',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(JobSchema, 'Cancelled or stopping'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
    ...CONFLICT,
  },
})

const resume = createRoute({
  ...common,
  method: 'post',
  path: '/jobs/{id}/resume',
  summary: 'Continue a failed or cancelled job from its checkpoints',
  request: {
    params: IdParamSchema,
    body: { content: { 'application/json': { schema: JobResumeSchema } }, required: false },
  },
  responses: {
    200: jsonResponse(JobSchema, 'Queued again'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
    ...CONFLICT,
  },
})

export function jobsRoutes(service: JobsService, db: Database) {
  return new OpenAPIHono<AppEnv>()
    .openapi(estimate, (c) => c.json(service.estimate(c.req.valid('json').brief), 200))
    .openapi(create, async (c) => {
      const { project_id, brief } = c.req.valid('json')
      return c.json(await service.create(c.get('user').id, project_id, brief), 201)
    })
    .openapi(list, async (c) =>
      c.json(await service.list(c.get('user').id, c.req.valid('query')), 200),
    )
    .openapi(get, async (c) =>
      c.json(await service.get(c.get('user').id, c.req.valid('param').id), 200),
    )
    .openapi(status, async (c) =>
      c.json(await service.status(c.get('user').id, c.req.valid('param').id), 200),
    )
    .openapi(prose, async (c) =>
      c.json(await readJobProse(db, c.get('user').id, c.req.valid('param').id), 200),
    )
    .openapi(cancel, async (c) =>
      c.json(await service.cancel(c.get('user').id, c.req.valid('param').id), 200),
    )
    .openapi(resume, async (c) => {
      const body = c.req.valid('json') as { budget_usd?: number } | undefined
      return c.json(
        await service.resume(c.get('user').id, c.req.valid('param').id, body?.budget_usd),
        200,
      )
    })
}
