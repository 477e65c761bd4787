import { BridgeRequestSchema, type BridgeRequest } from '@shared/contracts/bridge'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser } from '../testing/api-client'
import { createTestCore, type TestCore } from '../testing/test-core'
import { handleBridgeRequest } from './bridge-handler'
import { createMemoryVault } from './session-vault'

// Small limits, so bodies on either side of them stay small too.
const MAX_BODY_BYTES = 1_024
const MAX_IMPORT_BYTES = 4_096

let core: TestCore
let token: string
beforeAll(async () => {
  core = await createTestCore({
    env: { MAX_BODY_BYTES: String(MAX_BODY_BYTES), MAX_IMPORT_BYTES: String(MAX_IMPORT_BYTES) },
  })
  token = (await registerUser(core)).access_token
})
afterAll(() => core.dispose())

function send(request: BridgeRequest) {
  return handleBridgeRequest(core, createMemoryVault(), 'window-limits', request)
}

function post(path: string, bytes: number, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ pad: 'x'.repeat(bytes) })
  return send({
    method: 'POST',
    path,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body,
  })
}

describe('request bodies through the bridge', () => {
  it('accepts bodies past the old 50 MB cap: the core’s limits decide, not the bridge', () => {
    const body = 'x'.repeat(60 * 1024 * 1024)
    expect(BridgeRequestSchema.safeParse({ method: 'POST', path: '/api/x', body }).success).toBe(
      true,
    )
  })

  it('lets an import over the general limit but under the import limit reach its route', async () => {
    const res = await post('/api/projects/import', MAX_BODY_BYTES * 2)

    // The archive is not a project file, so the route itself refuses it.
    expect(res.status).toBe(422)
  })

  it('answers an import over the import limit with a 413 that names the setting', async () => {
    const res = await post('/api/projects/import', MAX_IMPORT_BYTES + 1)

    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toMatchObject({
      error_type: 'payload_too_large',
      detail: expect.stringContaining('MAX_IMPORT_BYTES'),
      request_id: expect.any(String),
    })
  })

  it('measures the body itself, whatever length the window claims for it', async () => {
    const res = await post('/api/projects', MAX_BODY_BYTES * 2, { 'content-length': '10' })

    expect(res.status).toBe(413)
    expect(JSON.parse(res.body).detail).toContain('MAX_BODY_BYTES')
  })
})
