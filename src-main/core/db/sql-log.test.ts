import { describe, expect, it } from 'vitest'
import { registerUser } from '../../testing/api-client'
import { createMemoryLogger, createTestCore } from '../../testing/test-core'

async function sqlLinesOfOneSignUp(env: Record<string, string>) {
  const memory = createMemoryLogger()
  const core = await createTestCore({ log: memory.log, env })
  try {
    await registerUser(core)
    return memory.lines().filter((line) => line.module === 'sql')
  } finally {
    await core.dispose()
  }
}

describe('SQL logging', () => {
  it('logs each statement when DB_ECHO is on', async () => {
    const lines = await sqlLinesOfOneSignUp({ DB_ECHO: 'true' })

    expect(lines.length).toBeGreaterThan(0)
    expect(lines.some((line) => /insert into "users"/i.test(line.query))).toBe(true)
  })

  it('logs no statement when DB_ECHO is off', async () => {
    const lines = await sqlLinesOfOneSignUp({ DB_ECHO: 'false' })

    expect(lines).toEqual([])
  })
})
