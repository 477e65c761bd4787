import { eq, sql } from 'drizzle-orm'
import { NarrativeDetailSchema } from '@shared/contracts/narratives'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, type Writer } from '../../testing/api-client'
import { createTestCore, insertNarrative, type TestCore } from '../../testing/test-core'
import { narrativeVersions, projects } from '../db/schema'

let core: TestCore
let writer: Writer
let stranger: Writer
beforeAll(async () => {
  core = await createTestCore()
  writer = await signUp(core)
  stranger = await signUp(core)
})
afterAll(() => core.dispose())

const FIRST_TEXT = 'The lamp went out at midnight.'
const EDITED_TEXT = 'The lamp went out at midnight, and the keeper lit it again by hand.'

/** A narrative as the pipeline leaves it: version 1 saved, its words counted in the project. */
async function generatedNarrative() {
  const project = await writer.call('POST', '/api/projects', { body: { name: 'Lighthouses' } })
  const owner = { userId: writer.auth.user.id, projectId: project.json.id as string }
  const narrative = await insertNarrative(core, owner, { text: FIRST_TEXT, wordCount: 6 })
  await core.db.insert(narrativeVersions).values({
    narrativeId: narrative.id,
    version: 1,
    title: narrative.title,
    text: FIRST_TEXT,
    wordCount: 6,
    source: 'generated',
  })
  await core.db
    .update(projects)
    .set({ totalWordCount: sql`${projects.totalWordCount} + 6` })
    .where(eq(projects.id, owner.projectId))
  return { id: narrative.id, projectId: owner.projectId }
}

async function projectWords(projectId: string): Promise<number> {
  return (await writer.call('GET', `/api/projects/${projectId}`)).json.total_word_count
}

describe('saving and restoring versions', () => {
  it('saves an edit as version 2 with its word count and moves the project’s total', async () => {
    const { id, projectId } = await generatedNarrative()

    const res = await writer.call('PUT', `/api/narratives/${id}`, {
      body: { text: EDITED_TEXT, base_version: 1 },
    })

    expect(res.status).toBe(200)
    expect(NarrativeDetailSchema.parse(res.json)).toMatchObject({
      version: 2,
      text: EDITED_TEXT,
      word_count: 14,
    })
    expect(await projectWords(projectId)).toBe(14)
  })

  it('refuses a save based on a version that is no longer the latest', async () => {
    const { id } = await generatedNarrative()
    await writer.call('PUT', `/api/narratives/${id}`, {
      body: { text: EDITED_TEXT, base_version: 1 },
    })

    const stale = await writer.call('PUT', `/api/narratives/${id}`, {
      body: { text: 'Someone else’s draft.', base_version: 1 },
    })

    expect(stale.status).toBe(409)
    expect(stale.json.detail).toContain('version 2')
    expect((await writer.call('GET', `/api/narratives/${id}`)).json.text).toBe(EDITED_TEXT)
  })

  it('lets only one of two simultaneous saves from the same version through', async () => {
    const { id } = await generatedNarrative()
    const save = (text: string) =>
      writer.call('PUT', `/api/narratives/${id}`, { body: { text, base_version: 1 } })

    const results = await Promise.all([save('First take.'), save('Second take.')])

    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const list = await writer.call('GET', `/api/narratives/${id}/versions`)
    expect(list.json).toHaveLength(2)
  })

  it('lists versions newest first, shows an old one, and restores it as a new version', async () => {
    const { id, projectId } = await generatedNarrative()
    await writer.call('PUT', `/api/narratives/${id}`, {
      body: { text: EDITED_TEXT, base_version: 1 },
    })

    const list = await writer.call('GET', `/api/narratives/${id}/versions`)
    expect(
      list.json.map((v: { version: number; source: string }) => [v.version, v.source]),
    ).toEqual([
      [2, 'edit'],
      [1, 'generated'],
    ])
    const first = await writer.call('GET', `/api/narratives/${id}/versions/1`)
    expect(first.json).toMatchObject({ version: 1, text: FIRST_TEXT, word_count: 6 })

    const restored = await writer.call('POST', `/api/narratives/${id}/versions/1/restore`)

    expect(restored.json).toMatchObject({ version: 3, text: FIRST_TEXT, word_count: 6 })
    const third = await writer.call('GET', `/api/narratives/${id}/versions/3`)
    expect(third.json).toMatchObject({ source: 'restore', text: FIRST_TEXT })
    expect(await projectWords(projectId)).toBe(6)
  })

  it('answers 404 for a version that does not exist', async () => {
    const { id } = await generatedNarrative()

    expect((await writer.call('GET', `/api/narratives/${id}/versions/7`)).status).toBe(404)
    expect((await writer.call('POST', `/api/narratives/${id}/versions/7/restore`)).status).toBe(404)
  })

  it('hides another user’s narrative behind 404 on every versions route', async () => {
    const { id } = await generatedNarrative()

    const attempts = await Promise.all([
      stranger.call('PUT', `/api/narratives/${id}`, {
        body: { text: 'Mine now.', base_version: 1 },
      }),
      stranger.call('GET', `/api/narratives/${id}/versions`),
      stranger.call('GET', `/api/narratives/${id}/versions/1`),
      stranger.call('POST', `/api/narratives/${id}/versions/1/restore`),
      stranger.call('GET', `/api/narratives/${id}/export/epub`),
    ])

    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404])
    expect((await writer.call('GET', `/api/narratives/${id}`)).json.version).toBe(1)
  })
})

describe('exporting', () => {
  it('downloads EPUB with its type and a file name', async () => {
    const { id } = await generatedNarrative()

    const res = await core.app.request(`/api/narratives/${id}/export/epub`, {
      headers: { authorization: `Bearer ${writer.token}` },
    })

    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/epub+zip')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="the-lighthouse-keeper\.epub"/,
    )
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
  })

  it('refuses a format it does not make with 422', async () => {
    const { id } = await generatedNarrative()

    const res = await writer.call('GET', `/api/narratives/${id}/export/pdf`)

    expect(res.status).toBe(422)
    expect(res.json.errors).toEqual([expect.objectContaining({ field: 'format' })])
  })
})
