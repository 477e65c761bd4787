import { OpenAPIHono } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../testing/test-core'
import type { RunMode } from '../config/settings-schema'
import type { AppEnv } from '../http/context'
import { handleError } from '../http/error-handler'
import { requestId } from '../http/request-id'
import { validationHook } from '../http/validation-hook'
import { createSilentLogger } from '../logging/logger'
import type { BackupService } from './backup-service'
import { backupServiceFor } from './backup-fixtures'
import { backupsRoutes } from './backups-routes'

let core: TestCore
let service: BackupService

beforeAll(async () => {
  core = await createTestCore()
  service = backupServiceFor(core)
})
afterAll(() => core.dispose())

/** The router on its own, behind the app's request id, validation and error envelope. */
function appFor(mode: RunMode) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.onError(handleError)
  app.use('*', requestId(createSilentLogger()))
  app.route('/api', backupsRoutes(service, { mode }))
  return app
}

async function send(mode: RunMode, method: string, path: string, body?: unknown) {
  const res = await appFor(mode).request(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

// Each case opens, dumps or initialises whole databases (2–10 s apiece on a busy machine).
describe('backup routes', { timeout: 120_000 }, () => {
  it('backs up on request, lists the backup and stages a restore', async () => {
    const created = await send('desktop', 'POST', '/api/backups')
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ reason: 'manual', automatic: false })

    const listed = await send('browser', 'GET', '/api/backups')
    expect(listed.status).toBe(200)
    expect(listed.json).toMatchObject({ keep: 7, pending_restore: false })
    expect(listed.json.items[0].file).toBe(created.json.file)

    const restored = await send('desktop', 'POST', '/api/backups/restore', {
      file: created.json.file,
    })
    expect(restored.status).toBe(202)
    expect(restored.json).toMatchObject({ file: created.json.file, restart_required: true })
    expect((await send('desktop', 'GET', '/api/backups')).json.pending_restore).toBe(true)
  })

  it('answers restore requests for unknown or unsafe names with the error envelope', async () => {
    const unsafe = await send('desktop', 'POST', '/api/backups/restore', {
      file: '../settings.json',
    })
    expect(unsafe.status).toBe(422)
    expect(unsafe.json.error_type).toBe('validation')

    const missing = await send('desktop', 'POST', '/api/backups/restore', {
      file: '2020-01-01T00-00-00-000Z-manual.tar.gz',
    })
    expect(missing.status).toBe(404)

    const extra = await send('desktop', 'POST', '/api/backups/restore', { file: 'x', path: '/etc' })
    expect(extra.status).toBe(422)
  })

  it('refuses every backup route on a shared server', async () => {
    for (const [method, path] of [
      ['GET', '/api/backups'],
      ['POST', '/api/backups'],
      ['POST', '/api/backups/restore'],
    ] as const) {
      const res = await send('server', method, path, method === 'POST' ? { file: 'x' } : undefined)
      expect(res.status, `${method} ${path}`).toBe(403)
      expect(res.json.error_type).toBe('forbidden')
    }
  })
})
