import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JobProseSchema, type BriefInput } from '@shared/contracts/jobs'
import { jobCheckpoints } from '../db/schema'
import { signUp, type Writer } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

const BRIEF: BriefInput = {
  title: 'Latarnik',
  form: 'short_story',
  genre: 'drama',
  premise: 'Stary latarnik czeka na statek, który nie przypłynie.',
  target_words: 3000,
}

let core: TestCore
let owner: Writer
beforeAll(async () => {
  core = await createTestCore({ env: { OPENAI_API_KEY: 'sk-test', RATE_LIMIT_ENABLED: 'false' } })
  owner = await signUp(core)
})
afterAll(() => core.dispose())

async function queuedJob(): Promise<string> {
  const project = await owner.call('POST', '/api/projects', { body: { name: 'Morze' } })
  const job = await owner.call('POST', '/api/jobs', {
    body: { project_id: project.json.id, brief: BRIEF },
  })
  return job.json.id as string
}

async function checkpoint(jobId: string, key: string, data: unknown) {
  await core.db.insert(jobCheckpoints).values({ jobId, key, data })
}

describe('GET /api/jobs/:id/prose', () => {
  it('returns each segment’s newest take in story order, skipping planning checkpoints', async () => {
    const jobId = await queuedJob()
    await checkpoint(jobId, 'stage:world', { text: 'not prose' })
    await checkpoint(jobId, 'segment:002', { text: 'Second, drafted.', words: 2 })
    await checkpoint(jobId, 'segment:001', { text: 'First, drafted.', words: 2 })
    await checkpoint(jobId, 'styled:001', { text: 'First, polished.', words: 2 })
    await checkpoint(jobId, 'rewrite:001', { text: 'First, rewritten.', applied: true })
    await checkpoint(jobId, 'segment:010', { text: 'Tenth.', words: 1 })

    const res = await owner.call('GET', `/api/jobs/${jobId}/prose`)

    expect(res.status).toBe(200)
    expect(JobProseSchema.parse(res.json)).toEqual({
      job_id: jobId,
      segments: [
        { segment: 1, text: 'First, rewritten.' },
        { segment: 2, text: 'Second, drafted.' },
        { segment: 10, text: 'Tenth.' },
      ],
    })
  })

  it('keeps the polished take when the pipeline dropped a rewrite', async () => {
    const jobId = await queuedJob()
    await checkpoint(jobId, 'segment:001', { text: 'Drafted.' })
    await checkpoint(jobId, 'styled:001', { text: 'Polished.' })
    await checkpoint(jobId, 'rewrite:001', { text: 'Polished.', applied: false })
    await checkpoint(jobId, 'rewrite:002', { text: 'A rewrite of nothing.', applied: true })

    const res = await owner.call('GET', `/api/jobs/${jobId}/prose`)

    expect(res.json.segments).toEqual([
      { segment: 1, text: 'Polished.' },
      { segment: 2, text: 'A rewrite of nothing.' },
    ])
  })

  it('answers an empty list for a job that has written nothing yet', async () => {
    const jobId = await queuedJob()
    const res = await owner.call('GET', `/api/jobs/${jobId}/prose`)
    expect(res.json).toEqual({ job_id: jobId, segments: [] })
  })

  it('tells another writer the job does not exist, and a stranger to sign in', async () => {
    const jobId = await queuedJob()
    await checkpoint(jobId, 'segment:001', { text: 'Private.' })
    const other = await signUp(core)

    const foreign = await other.call('GET', `/api/jobs/${jobId}/prose`)
    const anonymous = await owner.call('GET', `/api/jobs/${jobId}/prose`, { token: undefined })

    expect(foreign.status).toBe(404)
    expect(foreign.text).not.toContain('Private.')
    expect(anonymous.status).toBe(401)
  })

  it('is described in the OpenAPI document', async () => {
    const doc = (await owner.call('GET', '/api/openapi.json')).json
    const operation = doc.paths['/jobs/{id}/prose']?.get
    expect(operation?.security).toEqual([{ bearerAuth: [] }])
    expect(Object.keys(operation?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '401', '404']),
    )
  })
})
