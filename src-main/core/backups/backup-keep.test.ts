import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

let core: TestCore
let token: string
beforeAll(async () => {
  core = await createTestCore()
  token = (await registerUser(core)).access_token
})
afterAll(() => core.dispose())

function send(method: string, path: string, body?: unknown) {
  return core.app.request(
    path,
    {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    { ipcClient: 'window-keep' },
  )
}

describe('how many backups are kept', () => {
  it('is a setting the writer changes from Settings, in force without a restart', async () => {
    expect((await (await send('GET', '/api/settings')).json()).backup_keep).toBe(7)

    const saved = await send('PATCH', '/api/settings', { backup_keep: 3 })

    expect(saved.status).toBe(200)
    expect((await saved.json()).backup_keep).toBe(3)
    expect((await (await send('GET', '/api/backups')).json()).keep).toBe(3)
  })

  it('refuses a number outside 1 to 365', async () => {
    for (const backup_keep of [0, 366, 2.5]) {
      const res = await send('PATCH', '/api/settings', { backup_keep })
      expect(res.status, String(backup_keep)).toBe(422)
    }
  })
})
