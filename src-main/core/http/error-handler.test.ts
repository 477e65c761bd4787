import { describe, expect, it } from 'vitest'
import { call, registerUser, uniqueIp } from '../../testing/api-client'
import { createMemoryLogger, createTestCore } from '../../testing/test-core'

describe('an unexpected failure', () => {
  it('is logged at error with its stack and the request id the caller saw', async () => {
    const logs = createMemoryLogger()
    const broken = await createTestCore({ log: logs.log })
    try {
      const { access_token } = await registerUser(broken)
      // A closed database fails the next query the way an unforeseen fault would.
      await broken.close()

      const res = await call(broken, 'GET', '/api/auth/me', {
        token: access_token,
        ip: uniqueIp(),
        headers: { 'x-request-id': 'script-run-0042' },
      })

      expect(res.status).toBe(500)
      expect(res.json.request_id).toBe('script-run-0042')
      const failures = logs.lines().filter((line) => line.request_id === 'script-run-0042')
      expect(failures).toEqual([
        expect.objectContaining({
          level: 50,
          msg: 'request failed',
          path: '/api/auth/me',
          method: 'GET',
        }),
      ])
      const { err } = failures[0]!
      expect(err.message).toContain('PGlite is closed')
      expect(err.stack).toMatch(/\n\s+at .*require-auth\.ts/)
    } finally {
      await broken.dispose()
    }
  })
})
