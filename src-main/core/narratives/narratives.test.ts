import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, type Writer } from '../../testing/api-client'
import { createTestCore, insertNarrative, type TestCore } from '../../testing/test-core'
import { projects } from '../db/schema'

let core: TestCore
let stranger: Writer
beforeAll(async () => {
  core = await createTestCore()
  stranger = await signUp(core)
})
afterAll(() => core.dispose())

async function writerWithProject(name = 'Atlas') {
  const writer = await signUp(core)
  const res = await writer.call('POST', '/api/projects', { body: { name } })
  return { writer, project: res.json as { id: string }, owner: { userId: writer.auth.user.id } }
}

function titles(res: { json: { items: { title: string }[] } }) {
  return res.json.items.map((n) => n.title)
}

describe('listing narratives', () => {
  it('lists the writer’s narratives newest first, filtered by project, genre and form', async () => {
    const { writer, project, owner } = await writerWithProject()
    const other = (await writer.call('POST', '/api/projects', { body: { name: 'Other' } })).json
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 12, minute))
    await insertNarrative(
      core,
      { ...owner, projectId: project.id },
      {
        title: 'Old mystery',
        genre: 'mystery',
        form: 'short_story',
        createdAt: at(1),
      },
    )
    await insertNarrative(
      core,
      { ...owner, projectId: project.id },
      {
        title: 'Fantasy novel',
        genre: 'fantasy',
        form: 'novel',
        createdAt: at(2),
      },
    )
    await insertNarrative(
      core,
      { ...owner, projectId: other.id },
      {
        title: 'Elsewhere',
        genre: 'mystery',
        form: 'novel',
        createdAt: at(3),
      },
    )
    const foreign = await writerWithProject()
    await insertNarrative(
      core,
      { ...foreign.owner, projectId: foreign.project.id },
      { title: 'Foreign' },
    )

    const all = await writer.call('GET', '/api/narratives')
    const byProject = await writer.call('GET', `/api/narratives?project_id=${project.id}`)
    const byGenre = await writer.call('GET', '/api/narratives?genre=mystery')
    const byForm = await writer.call('GET', '/api/narratives?form=novel')
    const combined = await writer.call('GET', `/api/narratives?project_id=${project.id}&form=novel`)

    expect(all.json.total).toBe(3)
    expect(titles(all)).toEqual(['Elsewhere', 'Fantasy novel', 'Old mystery'])
    expect(titles(byProject)).toEqual(['Fantasy novel', 'Old mystery'])
    expect(titles(byGenre)).toEqual(['Elsewhere', 'Old mystery'])
    expect(titles(byForm)).toEqual(['Elsewhere', 'Fantasy novel'])
    expect(titles(combined)).toEqual(['Fantasy novel'])
  })

  it('leaves the text out of the list', async () => {
    const { writer, project, owner } = await writerWithProject()
    await insertNarrative(core, { ...owner, projectId: project.id })

    const res = await writer.call('GET', '/api/narratives')

    expect(res.json.items[0]).not.toHaveProperty('text')
    expect(res.json.items[0]).toMatchObject({ title: 'The Lighthouse Keeper', view_count: 0 })
  })

  it('refuses an unknown genre filter with 422', async () => {
    const res = await stranger.call('GET', '/api/narratives?genre=western')

    expect(res.status).toBe(422)
    expect(res.json.errors).toContainEqual(expect.objectContaining({ field: 'genre' }))
  })
})

describe('reading a narrative', () => {
  it('returns the detail and counts each view', async () => {
    const { writer, project, owner } = await writerWithProject()
    const narrative = await insertNarrative(
      core,
      { ...owner, projectId: project.id },
      {
        metadata: { world: { name: 'Arden' } },
      },
    )
    const path = `/api/narratives/${narrative.id}`

    const first = await writer.call('GET', path)
    const second = await writer.call('GET', path)

    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({
      id: narrative.id,
      text: 'The lamp went out at midnight.',
      metadata: { world: { name: 'Arden' } },
      view_count: 1,
    })
    expect(second.json.view_count).toBe(2)
  })

  it('serves the text as plain UTF-8', async () => {
    const { writer, project, owner } = await writerWithProject()
    const text = 'Zażółć gęślą jaźń.\n\nThe second paragraph.'
    const narrative = await insertNarrative(core, { ...owner, projectId: project.id }, { text })

    const res = await writer.call('GET', `/api/narratives/${narrative.id}/text`)

    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(res.text).toBe(text)
  })
})

describe('deleting a narrative', () => {
  it('answers 204 and takes its words and cost off the project’s counters', async () => {
    const { writer, project, owner } = await writerWithProject()
    await core.db
      .update(projects)
      .set({ narrativeCount: 2, totalWordCount: 3_000, totalCostUsd: 1.5 })
      .where(eq(projects.id, project.id))
    const narrative = await insertNarrative(
      core,
      { ...owner, projectId: project.id },
      {
        wordCount: 1_000,
        costUsd: 0.5,
      },
    )

    core.clock.advance(5 * 60_000)

    const res = await writer.call('DELETE', `/api/narratives/${narrative.id}`)

    expect(res.status).toBe(204)
    expect((await writer.call('GET', `/api/narratives/${narrative.id}`)).status).toBe(404)
    const after = await writer.call('GET', `/api/projects/${project.id}`)
    expect(after.json).toMatchObject({
      narrative_count: 1,
      total_word_count: 2_000,
      total_cost_usd: 1,
      // The application's clock, not the database's: tests and imports move one, not the other.
      updated_at: core.clock.now().toISOString(),
    })
  })
})

describe('another writer’s narrative', () => {
  it('is 404 to read, to fetch as text and to delete, and is not counted as viewed', async () => {
    const { project, owner } = await writerWithProject()
    const narrative = await insertNarrative(core, { ...owner, projectId: project.id })
    const path = `/api/narratives/${narrative.id}`

    const statuses = [
      (await stranger.call('GET', path)).status,
      (await stranger.call('GET', `${path}/text`)).status,
      (await stranger.call('DELETE', path)).status,
    ]

    expect(statuses).toEqual([404, 404, 404])
    const row = await core.db.query.narratives.findFirst({
      where: (n, { eq: equals }) => equals(n.id, narrative.id),
    })
    expect(row?.viewCount).toBe(0)
  })
})
