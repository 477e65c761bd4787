import type { PushEvent } from '@shared/contracts/events'
import { HealthCheckSchema, ReadinessSchema, type HealthCheck } from '@shared/contracts/health'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, uniqueIp } from '../../testing/api-client'
import { providerEnv } from '../../testing/engine-harness'
import { startModelServer, type ModelServer } from '../../testing/model-server'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { APP_VERSION } from '../version'

let server: ModelServer
beforeAll(async () => {
  server = await startModelServer()
})
afterAll(() => server.close())

const byName = (checks: HealthCheck[]) => new Map(checks.map((c) => [c.name, c]))

describe('readiness', () => {
  it('is 503 on a desktop without a provider, naming the check that is not ok', async () => {
    const core = await createTestCore()
    try {
      for (const path of ['/api/health', '/api/health/live']) {
        const res = await call(core, 'GET', path)
        expect(res.status).toBe(200)
        expect(res.json).toMatchObject({ status: 'alive', version: APP_VERSION, mode: 'desktop' })
        expect(res.json.uptime_s).toBeGreaterThanOrEqual(0)
      }

      const ready = await call(core, 'GET', '/api/health/ready')

      expect(ready.status).toBe(503)
      expect(ReadinessSchema.parse(ready.json)).toMatchObject({
        status: 'not_ready',
        version: APP_VERSION,
      })
      const checks = byName(ready.json.checks)
      expect([...checks.keys()]).toEqual(
        expect.arrayContaining(['database', 'migrations', 'disk', 'providers']),
      )
      expect(checks.get('database')).toMatchObject({ status: 'ok', critical: true })
      expect(checks.get('database')!.latency_ms).toBeGreaterThanOrEqual(0)
      expect(checks.get('migrations')).toMatchObject({ status: 'ok' })
      expect(checks.get('disk')).toMatchObject({ status: 'ok' })
      // Not critical on the desktop (drafting works), yet enough to make it not ready.
      expect(checks.get('providers')).toMatchObject({
        status: 'degraded',
        critical: false,
        detail: 'no AI provider configured; generation is unavailable',
      })
      // Codes and figures let the app word each finding in the writer's language.
      expect(checks.get('database')!.code).toBe('database_answers')
      expect(checks.get('migrations')).toMatchObject({ code: 'migrations_applied' })
      const applied = checks.get('migrations')!.params!
      expect(applied.applied).toBe(applied.shipped)
      expect(checks.get('providers')).toMatchObject({ code: 'providers_none', params: {} })
    } finally {
      await core.dispose()
    }
  })

  it('is 200 when every check is ok', async () => {
    const core = await createTestCore({ env: providerEnv(server, 'local') })
    try {
      const ready = await call(core, 'GET', '/api/health/ready')

      expect(ready.status).toBe(200)
      expect(ReadinessSchema.parse(ready.json).status).toBe('ready')
      expect(ready.json.checks.map((c: { status: string }) => c.status)).toEqual(
        ready.json.checks.map(() => 'ok'),
      )
      expect(byName(ready.json.checks).get('provider:local')).toMatchObject({ status: 'ok' })
    } finally {
      await core.dispose()
    }
  })

  it('answers 503 with the same body shape when a critical check fails', async () => {
    const core = await createTestCore({
      env: { ...providerEnv(server, 'local'), MIN_FREE_DISK_MB: '1000000' },
    })
    try {
      const ready = await call(core, 'GET', '/api/health/ready')

      expect(ready.status).toBe(503)
      expect(ReadinessSchema.parse(ready.json).status).toBe('not_ready')
      const disk = byName(ready.json.checks).get('disk')!
      expect(disk).toMatchObject({ status: 'down', critical: true })
      expect(disk.detail).toContain('minimum 1000000 MiB')
      expect(disk).toMatchObject({ code: 'disk_low', params: { min_mb: 1000000 } })
      expect(disk.params!.free_mb).toBeLessThan(1000000)
      expect((await call(core, 'GET', '/api/health/live')).status).toBe(200)
    } finally {
      await core.dispose()
    }
  })
})

describe('checking one dependency again', () => {
  let core: TestCore
  beforeAll(async () => {
    core = await createTestCore({ env: providerEnv(server, 'openai') })
  })
  afterAll(() => core.dispose())

  const recheck = (name: string) =>
    call(core, 'POST', `/api/health/checks/${encodeURIComponent(name)}`, { ip: uniqueIp() })
  const modelListings = () =>
    server.requests.filter((r) => r.method === 'GET' && r.path === '/v1/models').length

  it('runs that check alone, past its cache, and answers its result', async () => {
    await call(core, 'GET', '/api/health/ready')
    const before = modelListings()

    const res = await recheck('provider:openai')

    expect(res.status).toBe(200)
    expect(HealthCheckSchema.parse(res.json)).toMatchObject({
      name: 'provider:openai',
      status: 'ok',
    })
    expect(modelListings()).toBe(before + 1)
  })

  it('announces a change of status to open health panels', async () => {
    await call(core, 'GET', '/api/health/ready')
    const events: PushEvent[] = []
    const unsubscribe = core.events.subscribe((e) => events.push(e))
    server.setDown(true)
    try {
      const res = await recheck('provider:openai')

      expect(res.json.status).toBe('down')
      const announced = events.filter((e) => e.type === 'health.changed')
      expect(announced).toHaveLength(1)
      const checks = announced[0]!.type === 'health.changed' ? announced[0]!.checks : []
      expect(byName(checks).get('provider:openai')).toMatchObject({ status: 'down' })
      expect(byName(checks).has('database')).toBe(true)
    } finally {
      server.setDown(false)
      unsubscribe()
    }
  })

  it('answers 404 with the envelope for a name no check has', async () => {
    const res = await recheck('provider:mistral')

    expect(res.status).toBe(404)
    expect(res.json).toMatchObject({ error_type: 'not_found' })
    expect(res.json.detail).toContain('provider:mistral')
  })
})
