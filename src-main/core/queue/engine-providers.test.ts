import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../testing/api-client'
import {
  createEngineCore,
  startModelServer,
  startWriter,
  submitJob,
  waitForJob,
  type ProviderUnderTest,
} from '../../testing/engine-harness'
import type { ModelServer } from '../../testing/model-server'
import type { TestCore } from '../../testing/test-core'
import { jobCheckpoints, usageLedger } from '../db/schema'

let server: ModelServer
beforeAll(async () => {
  server = await startModelServer()
})
afterAll(() => server.close())

describe.each<ProviderUnderTest>(['openai', 'anthropic', 'local'])(
  'a brief through the API with %s',
  (provider) => {
    let core: TestCore
    beforeAll(async () => {
      core = await createEngineCore(server, provider)
    })
    afterAll(() => core.dispose())

    it('becomes a narrative with every segment present once', async () => {
      const { token, userId, projectId } = await startWriter(core)
      const job = await submitJob(core, token, projectId)
      expect(await waitForJob(core, job.id)).toBe('completed')

      const done = await call(core, 'GET', `/api/jobs/${job.id}`, { token })
      expect(done.json.status).toBe('completed')
      expect(done.json.narrative_id).toBeTruthy()
      const narrative = await call(core, 'GET', `/api/narratives/${done.json.narrative_id}`, {
        token,
      })
      expect(narrative.status).toBe(200)
      expect(narrative.json.word_count).toBeGreaterThan(1000)

      const segmentKeys = (
        await core.db.select().from(jobCheckpoints).where(eq(jobCheckpoints.jobId, job.id))
      )
        .map((c) => c.key)
        .filter((k) => k.startsWith('segment:'))
      const planned = narrative.json.metadata.segments as { number: number }[]
      expect(segmentKeys).toHaveLength(planned.length)
      expect(new Set(planned.map((s) => s.number)).size).toBe(planned.length)

      const ledger = await core.db.select().from(usageLedger).where(eq(usageLedger.jobId, job.id))
      expect(ledger.every((row) => row.provider === provider)).toBe(true)
      expect(new Set(ledger.map((r) => r.stage))).toContain('prose')
      const me = await call(core, 'GET', '/api/auth/me', { token })
      expect(me.json.monthly_generations_used).toBe(1)
      expect(me.json.id).toBe(userId)
      if (provider !== 'local') {
        expect(done.json.actual_cost_usd).toBeGreaterThan(0)
        expect(me.json.monthly_cost_used_usd).toBeCloseTo(done.json.actual_cost_usd, 6)
      }
    })
  },
)
