import { ReadinessSchema, type HealthCheck } from '@shared/contracts/health'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../testing/api-client'
import {
  createEngineCore,
  spawnedWorkers,
  startModelServer,
  waitForEvent,
} from '../../testing/engine-harness'
import type { ModelServer } from '../../testing/model-server'
import type { TestCore } from '../../testing/test-core'

let server: ModelServer
let core: TestCore
beforeAll(async () => {
  server = await startModelServer()
  core = await createEngineCore(server, 'openai')
  await firstWorkerReady()
})
afterAll(async () => {
  await core.dispose()
  await server.close()
})

/**
 * Resolves once the worker has said it is ready: at its `ready` message, or at a later
 * heartbeat if `ready` came before this listener did.
 */
function firstWorkerReady(): Promise<void> {
  return new Promise((resolve) => {
    spawnedWorkers.at(-1)!.onMessage((message) => {
      const type = (message as { type?: string }).type
      if (type === 'ready' || type === 'heartbeat') resolve()
    })
  })
}

async function readiness(query = '') {
  const res = await call(core, 'GET', `/api/health/ready${query}`)
  const checks = ReadinessSchema.parse(res.json).checks
  return { status: res.status, byName: new Map(checks.map((c) => [c.name, c])) }
}

const modelListings = () =>
  server.requests.filter((r) => r.method === 'GET' && r.path === '/v1/models').length

const providerDown = (checks: HealthCheck[]) =>
  checks.some((c) => c.name === 'provider:openai' && c.status === 'down')

describe('readiness of a core with workers and a provider', () => {
  it('lists every dependency and is ready while all of them answer', async () => {
    const { status, byName } = await readiness()

    expect(status).toBe(200)
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining([
        'database',
        'migrations',
        'disk',
        'providers',
        'workers',
        'queue',
        'provider:openai',
      ]),
    )
    expect(byName.get('workers')).toMatchObject({ status: 'ok', critical: true })
    expect(byName.get('workers')!.detail).toContain('1 of 1 alive')
    expect(byName.get('providers')).toMatchObject({ status: 'ok', detail: 'configured: OpenAI' })
    expect(byName.get('queue')).toMatchObject({ status: 'ok', detail: 'empty', critical: false })
    expect(byName.get('provider:openai')).toMatchObject({ status: 'ok', critical: true })
    expect(byName.get('providers')).toMatchObject({
      code: 'providers_configured',
      params: { providers: 'openai' },
    })
    expect(byName.get('workers')).toMatchObject({
      code: expect.stringMatching(/^workers_(alive|no_heartbeat)$/),
      params: { alive: 1, configured: 1 },
    })
    expect(byName.get('queue')).toMatchObject({ code: 'queue_empty' })
    expect(byName.get('provider:openai')).toMatchObject({
      code: 'provider_answers',
      params: { provider: 'openai' },
    })
  })

  it('reuses a provider’s answer within a minute unless asked to check again', async () => {
    await readiness('?fresh=1')
    const afterFresh = modelListings()

    await readiness()
    await readiness()
    expect(modelListings()).toBe(afterFresh)

    await readiness('?fresh=1')
    expect(modelListings()).toBe(afterFresh + 1)
  })

  it('answers 503 when the provider goes down, announces the change, and recovers', async () => {
    const announced = waitForEvent(
      core,
      (e) => e.type === 'health.changed' && providerDown(e.checks),
      10_000,
    )
    server.setDown(true)

    const down = await readiness('?fresh=1')

    expect(down.status).toBe(503)
    expect(down.byName.get('provider:openai')).toMatchObject({ status: 'down', critical: true })
    expect(down.byName.get('provider:openai')!.detail).toMatch(/^OpenAI: /)
    expect(down.byName.get('provider:openai')).toMatchObject({
      code: 'provider_failed',
      params: { provider: 'openai', reason: expect.any(String), cause: expect.any(String) },
    })
    await announced

    server.setDown(false)
    const back = await readiness('?fresh=1')

    expect(back.status).toBe(200)
    expect(back.byName.get('provider:openai')!.status).toBe('ok')
  })
})
