import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, registerUser } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

let core: TestCore
beforeAll(async () => {
  core = await createTestCore()
})
afterAll(() => core.dispose())

describe('smoke', () => {
  it('registers and reads me', async () => {
    const auth = await registerUser(core)
    const me = await call(core, 'GET', '/api/auth/me', { token: auth.access_token })
    expect(me.status).toBe(200)
    expect(me.json.email).toBe(auth.user.email)
    const doc = await call(core, 'GET', '/api/openapi.json')
    expect(doc.status).toBe(200)
    expect(Object.keys(doc.json.paths)).toContain('/projects/{id}')
  })
})
