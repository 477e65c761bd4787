import { ReadinessSchema } from '@shared/contracts/health'
import { describe, expect, it } from 'vitest'
import { call } from '../../testing/api-client'
import { createTestCore } from '../../testing/test-core'
import { APP_VERSION } from '../version'

describe('health', () => {
  it('answers liveness and readiness on a healthy core', async () => {
    const core = await createTestCore()
    try {
      for (const path of ['/api/health', '/api/health/live']) {
        const res = await call(core, 'GET', path)
        expect(res.status).toBe(200)
        expect(res.json).toMatchObject({ status: 'alive', version: APP_VERSION, mode: 'desktop' })
        expect(res.json.uptime_s).toBeGreaterThanOrEqual(0)
      }

      const ready = await call(core, 'GET', '/api/health/ready')

      expect(ready.status).toBe(200)
      expect(ReadinessSchema.parse(ready.json)).toMatchObject({
        status: 'ready',
        version: APP_VERSION,
      })
      const byName = Object.fromEntries(ready.json.checks.map((c: { name: string }) => [c.name, c]))
      expect(Object.keys(byName)).toEqual(
        expect.arrayContaining(['database', 'migrations', 'disk', 'providers']),
      )
      expect(byName.database).toMatchObject({ status: 'ok', critical: true })
      expect(byName.database.latency_ms).toBeGreaterThanOrEqual(0)
      expect(byName.migrations.status).toBe('ok')
      expect(byName.disk.status).toBe('ok')
      // The desktop drafts offline, so a missing provider informs without deciding readiness.
      expect(byName.providers).toMatchObject({ status: 'degraded', critical: false })
      // Codes and figures let the app word each finding in the writer's language.
      expect(byName.database.code).toBe('database_answers')
      expect(byName.migrations).toMatchObject({ code: 'migrations_applied' })
      expect(byName.migrations.params.applied).toBe(byName.migrations.params.shipped)
      expect(byName.providers).toMatchObject({ code: 'providers_none', params: {} })
    } finally {
      await core.dispose()
    }
  })

  it('answers 503 with the same body shape when a critical check fails', async () => {
    const core = await createTestCore({ env: { MIN_FREE_DISK_MB: '1000000' } })
    try {
      const ready = await call(core, 'GET', '/api/health/ready')

      expect(ready.status).toBe(503)
      expect(ReadinessSchema.parse(ready.json).status).toBe('not_ready')
      const disk = ready.json.checks.find((c: { name: string }) => c.name === 'disk')
      expect(disk).toMatchObject({ status: 'down', critical: true })
      expect(disk.detail).toContain('minimum 1000000 MiB')
      expect(disk).toMatchObject({ code: 'disk_low', params: { min_mb: 1000000 } })
      expect(disk.params.free_mb).toBeLessThan(1000000)
      expect((await call(core, 'GET', '/api/health/live')).status).toBe(200)
    } finally {
      await core.dispose()
    }
  })
})
