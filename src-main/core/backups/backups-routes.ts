import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import {
  BackupInfoSchema,
  BackupListSchema,
  RestoreRequestSchema,
  RestoreStagedSchema,
} from '@shared/contracts/backups'
import type { RunMode } from '../config/settings-schema'
import { AppError } from '../errors/app-error'
import type { AppEnv } from '../http/context'
import { AUTHED_ERRORS, BEARER, jsonBody, jsonResponse, NOT_FOUND } from '../http/route-helpers'
import type { BackupService } from './backup-service'

export interface BackupsRoutesOptions {
  /** Backups belong to the machine holding the data folder; a shared server answers 403. */
  mode: RunMode
}

const common = { tags: ['backups'], security: BEARER }

const list = createRoute({
  ...common,
  method: 'get',
  path: '/backups',
  summary: 'Backups of the database, newest first',
  responses: { 200: jsonResponse(BackupListSchema, 'The backups'), ...AUTHED_ERRORS },
})

const create = createRoute({
  ...common,
  method: 'post',
  path: '/backups',
  summary: 'Back up the database now',
  responses: { 201: jsonResponse(BackupInfoSchema, 'The backup written'), ...AUTHED_ERRORS },
})

const restore = createRoute({
  ...common,
  method: 'post',
  path: '/backups/restore',
  summary: 'Check a backup and stage it; the next start of the app brings it back',
  request: jsonBody(RestoreRequestSchema),
  responses: {
    202: jsonResponse(RestoreStagedSchema, 'Checked and staged; restart to apply'),
    ...AUTHED_ERRORS,
    ...NOT_FOUND,
  },
})

/** `GET /backups`, `POST /backups`, `POST /backups/restore`, for desktop and browser mode. */
export function backupsRoutes(service: BackupService, options: BackupsRoutesOptions) {
  const router = new OpenAPIHono<AppEnv>()
  const localOnly: MiddlewareHandler<AppEnv> = async (_c, next) => {
    if (options.mode === 'server') {
      throw new AppError(
        'forbidden',
        'Backups are managed on the machine that holds the data, not over a shared server',
      )
    }
    await next()
  }
  router.use('/backups', localOnly)
  router.use('/backups/*', localOnly)

  return router
    .openapi(list, (c) =>
      c.json(
        {
          items: service.listBackups(),
          keep: service.keep,
          pending_restore: service.hasPendingRestore(),
        },
        200,
      ),
    )
    .openapi(create, async (c) => c.json(await service.backupNow('manual'), 201))
    .openapi(restore, async (c) =>
      c.json(await service.restoreBackup(c.req.valid('json').file), 202),
    )
}
