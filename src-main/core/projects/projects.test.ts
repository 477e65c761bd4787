import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, type Writer } from '../../testing/api-client'
import { createTestCore, insertNarrative, type TestCore } from '../../testing/test-core'
import { narratives } from '../db/schema'

const BRIEF = {
  title: 'Latarnik',
  form: 'short_story',
  genre: 'drama',
  premise: 'Stary latarnik czeka na statek, który nie przypłynie.',
  target_words: 3000,
}

let core: TestCore
let stranger: Writer
beforeAll(async () => {
  // A provider lets jobs be queued; no workers run, so they stay queued.
  core = await createTestCore({ env: { OPENAI_API_KEY: 'sk-test' } })
  stranger = await signUp(core)
})
afterAll(() => core.dispose())

async function createProject(writer: Writer, body: Record<string, unknown> = { name: 'Atlas' }) {
  const res = await writer.call('POST', '/api/projects', { body })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`)
  return res.json
}

describe('creating projects', () => {
  it('answers 201 with the project and its counters at zero', async () => {
    const writer = await signUp(core)

    const res = await writer.call('POST', '/api/projects', {
      body: {
        name: '  Atlas  ',
        description: 'Maps',
        default_genre: 'fantasy',
        default_form: 'novel',
      },
    })

    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({
      user_id: writer.auth.user.id,
      name: 'Atlas',
      description: 'Maps',
      default_genre: 'fantasy',
      default_form: 'novel',
      narrative_count: 0,
      total_word_count: 0,
      total_cost_usd: 0,
    })
    expect((await writer.call('GET', `/api/projects/${res.json.id}`)).json).toEqual(res.json)
  })

  it('refuses a blank name with 422', async () => {
    const writer = await signUp(core)

    const res = await writer.call('POST', '/api/projects', { body: { name: '   ' } })

    expect(res.status).toBe(422)
    expect(res.json.errors).toContainEqual(expect.objectContaining({ field: 'name' }))
  })
})

describe('listing projects', () => {
  it('shows only the writer’s own projects, newest first, in the shared page shape', async () => {
    const writer = await signUp(core)
    await createProject(stranger, { name: 'Not yours' })
    for (const name of ['First', 'Second', 'Third']) await createProject(writer, { name })

    const res = await writer.call('GET', '/api/projects')

    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ total: 3, page: 1, page_size: 20, total_pages: 1 })
    expect(res.json.items.map((p: { name: string }) => p.name)).toEqual([
      'Third',
      'Second',
      'First',
    ])
  })

  it('pages: five projects at page_size 2 make three pages, the second holding two', async () => {
    const writer = await signUp(core)
    for (let i = 1; i <= 5; i++) await createProject(writer, { name: `Project ${i}` })

    const second = await writer.call('GET', '/api/projects?page=2&page_size=2')
    const last = await writer.call('GET', '/api/projects?page=3&page_size=2')

    expect(second.json).toMatchObject({ total: 5, page: 2, page_size: 2, total_pages: 3 })
    expect(second.json.items.map((p: { name: string }) => p.name)).toEqual([
      'Project 3',
      'Project 2',
    ])
    expect(last.json.items.map((p: { name: string }) => p.name)).toEqual(['Project 1'])
  })

  it('answers an empty list with zero pages', async () => {
    const writer = await signUp(core)

    const res = await writer.call('GET', '/api/projects')

    expect(res.json).toEqual({ items: [], total: 0, page: 1, page_size: 20, total_pages: 0 })
  })

  it.each(['0', '101'])('refuses page_size %s with 422', async (size) => {
    const res = await stranger.call('GET', `/api/projects?page_size=${size}`)

    expect(res.status).toBe(422)
    expect(res.json.errors).toContainEqual(expect.objectContaining({ field: 'page_size' }))
  })
})

describe('changing projects', () => {
  it('changes only the fields sent', async () => {
    const writer = await signUp(core)
    const project = await createProject(writer, {
      name: 'Atlas',
      description: 'Maps',
      default_genre: 'fantasy',
    })

    const res = await writer.call('PATCH', `/api/projects/${project.id}`, {
      body: { description: 'Maps and rivers' },
    })

    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      name: 'Atlas',
      description: 'Maps and rivers',
      default_genre: 'fantasy',
      default_form: null,
    })
  })

  it('clears a field sent as null', async () => {
    const writer = await signUp(core)
    const project = await createProject(writer, { name: 'Atlas', default_genre: 'fantasy' })

    const res = await writer.call('PATCH', `/api/projects/${project.id}`, {
      body: { default_genre: null },
    })

    expect(res.json.default_genre).toBeNull()
    expect(res.json.name).toBe('Atlas')
  })

  it('refuses an empty change with 422', async () => {
    const writer = await signUp(core)
    const project = await createProject(writer)

    const res = await writer.call('PATCH', `/api/projects/${project.id}`, { body: {} })

    expect(res.status).toBe(422)
    expect(res.json.error_type).toBe('validation')
  })
})

describe('another writer’s project', () => {
  it('is 404 to GET, PATCH and DELETE, and stays untouched', async () => {
    const owner = await signUp(core)
    const project = await createProject(owner, { name: 'Private' })
    const path = `/api/projects/${project.id}`

    const get = await stranger.call('GET', path)
    const patch = await stranger.call('PATCH', path, { body: { name: 'Taken' } })
    const remove = await stranger.call('DELETE', path)

    expect([get.status, patch.status, remove.status]).toEqual([404, 404, 404])
    expect(get.json.error_type).toBe('not_found')
    expect((await owner.call('GET', path)).json.name).toBe('Private')
  })
})

describe('deleting projects', () => {
  it('answers 204, then 404', async () => {
    const writer = await signUp(core)
    const project = await createProject(writer)
    const path = `/api/projects/${project.id}`

    const removed = await writer.call('DELETE', path)

    expect(removed.status).toBe(204)
    expect(removed.text).toBe('')
    expect((await writer.call('GET', path)).status).toBe(404)
    expect((await writer.call('DELETE', path)).status).toBe(404)
  })

  it('takes the project’s narratives with it', async () => {
    const writer = await signUp(core)
    const project = await createProject(writer)
    const kept = await createProject(writer, { name: 'Kept' })
    const owner = { userId: writer.auth.user.id }
    const doomed = await insertNarrative(core, { ...owner, projectId: project.id })
    const survivor = await insertNarrative(core, { ...owner, projectId: kept.id })

    expect((await writer.call('DELETE', `/api/projects/${project.id}`)).status).toBe(204)

    const left = await core.db.query.narratives.findMany({
      where: eq(narratives.userId, writer.auth.user.id),
    })
    expect(left.map((n) => n.id)).toEqual([survivor.id])
    expect(left.map((n) => n.id)).not.toContain(doomed.id)
  })

  it('gives back the generation of a job that was still queued', async () => {
    const writer = await signUp(core)
    const project = await createProject(writer)
    const job = await writer.call('POST', '/api/jobs', {
      body: { project_id: project.id, brief: BRIEF },
    })
    expect(job.status).toBe(201)
    expect((await writer.call('GET', '/api/auth/me')).json.monthly_generations_used).toBe(1)

    expect((await writer.call('DELETE', `/api/projects/${project.id}`)).status).toBe(204)

    const me = await writer.call('GET', '/api/auth/me')
    expect(me.json.subscription_tier).toBe('free')
    expect(me.json.monthly_generations_used).toBe(0)
    expect(me.json.monthly_cost_used_usd).toBe(0)
  })
})
