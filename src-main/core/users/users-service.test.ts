import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, uniqueIp } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'
import { sqlStateOf, translateDatabaseError } from '../db/database-errors'
import { users } from '../db/schema'
import { AppError } from '../errors/app-error'
import { createUser } from './users-service'

let core: TestCore
beforeAll(async () => {
  core = await createTestCore()
})
afterAll(() => core.dispose())

describe('the credential rule', () => {
  it('refuses to create a user with neither a password nor an OAuth identity', async () => {
    const attempt = createUser(core.db, { email: 'ghost@example.com' }, core.clock.now())

    await expect(attempt).rejects.toBeInstanceOf(AppError)
    await expect(attempt).rejects.toMatchObject({ kind: 'validation' })
  })

  it('refuses an OAuth provider without its id', async () => {
    const attempt = createUser(
      core.db,
      { email: 'half-oauth@example.com', oauthProvider: 'google' },
      core.clock.now(),
    )

    await expect(attempt).rejects.toMatchObject({ kind: 'validation' })
  })

  it('is enforced by the database too: a raw insert without credentials breaks users_has_credentials', async () => {
    const error = await core.db
      .insert(users)
      .values({ email: 'raw-ghost@example.com', usageMonth: '2026-03' })
      .then(
        () => undefined,
        (e: unknown) => e,
      )

    expect(sqlStateOf(error)).toBe('23514')
    expect(String((error as Error).cause ?? error)).toContain('users_has_credentials')
    expect(translateDatabaseError(error).kind).toBe('validation')
    const rows = await core.db.query.users.findMany({
      where: (u, { eq }) => eq(u.email, 'raw-ghost@example.com'),
    })
    expect(rows).toEqual([])
  })

  it('accepts an OAuth user without a password, on the free tier', async () => {
    const user = await createUser(
      core.db,
      { email: 'oauth@example.com', oauthProvider: 'google', oauthId: 'g-1234' },
      core.clock.now(),
    )

    expect(user.passwordHash).toBeNull()
    expect(user.tier).toBe('free')
    expect(user.monthlyGenerationLimit).toBe(5)
    expect(user.monthlyCostLimitUsd).toBe(10)
  })

  it('lets an OAuth user without a password not sign in with one: 401, not 500', async () => {
    await createUser(
      core.db,
      { email: 'oauth-only@example.com', oauthProvider: 'github', oauthId: 'gh-42' },
      core.clock.now(),
    )

    const res = await call(core, 'POST', '/api/auth/login', {
      body: { email: 'oauth-only@example.com', password: 'Anything123' },
      ip: uniqueIp(),
    })

    expect(res.status).toBe(401)
    expect(res.json.error_type).toBe('unauthenticated')
  })

  it('reports a second user with the same email as a conflict', async () => {
    const input = { email: 'twice@example.com', oauthProvider: 'google', oauthId: 'g-2' }
    await createUser(core.db, input, core.clock.now())

    const again = createUser(core.db, { ...input, oauthId: 'g-3' }, core.clock.now())

    await expect(again).rejects.toMatchObject({ kind: 'conflict' })
  })
})
