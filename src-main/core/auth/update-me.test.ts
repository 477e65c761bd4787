import { UserSchema } from '@shared/contracts/auth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, type Writer } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

let core: TestCore
let writer: Writer
beforeAll(async () => {
  core = await createTestCore()
  writer = await signUp(core)
})
afterAll(() => core.dispose())

const HOOK = 'https://hooks.example.com/narraforge?token=abc'

describe('changing your own account', () => {
  it('starts with no webhook', async () => {
    const res = await writer.call('GET', '/api/auth/me')

    expect(UserSchema.parse(res.json).webhook_url).toBeNull()
  })

  it('sets the webhook, keeps it on the next read, and clears it with an empty string', async () => {
    const set = await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: HOOK } })
    expect(set.status).toBe(200)
    expect(UserSchema.parse(set.json).webhook_url).toBe(HOOK)
    expect((await writer.call('GET', '/api/auth/me')).json.webhook_url).toBe(HOOK)

    const cleared = await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: '' } })
    expect(cleared.status).toBe(200)
    expect(cleared.json.webhook_url).toBeNull()
  })

  it('changes the name without touching the webhook', async () => {
    await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: HOOK } })

    const res = await writer.call('PATCH', '/api/auth/me', { body: { full_name: 'Ada Writer' } })

    expect(res.json).toMatchObject({ full_name: 'Ada Writer', webhook_url: HOOK })
  })

  it.each([
    ['not a URL', 'hooks.example.com'],
    ['a non-HTTP scheme', 'file:///etc/passwd'],
    ['an FTP address', 'ftp://hooks.example.com/in'],
  ])('refuses %s with 422 naming the field', async (_, url) => {
    const res = await writer.call('PATCH', '/api/auth/me', { body: { webhook_url: url } })

    expect(res.status).toBe(422)
    expect(res.json.errors).toEqual([expect.objectContaining({ field: 'webhook_url' })])
  })

  it('refuses an empty change and unknown fields with 422', async () => {
    expect((await writer.call('PATCH', '/api/auth/me', { body: {} })).status).toBe(422)
    const tier = await writer.call('PATCH', '/api/auth/me', { body: { subscription_tier: 'pro' } })
    expect(tier.status).toBe(422)
    expect(tier.json.errors).toEqual(
      expect.arrayContaining([{ field: 'subscription_tier', message: 'unknown field' }]),
    )
  })

  it('needs a signed-in user', async () => {
    const res = await writer.call('PATCH', '/api/auth/me', {
      token: 'not-a-token',
      body: { webhook_url: HOOK },
    })

    expect(res.status).toBe(401)
  })
})
