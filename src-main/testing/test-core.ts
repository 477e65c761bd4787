import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../core/create-core'
import { createSilentLogger } from '../core/logging/logger'
import { DB_FOLDER } from '../core/db/open-database'

/** A clock tests move by hand instead of sleeping. */
export class TestClock {
  constructor(private current = new Date('2026-03-15T12:00:00Z')) {}
  now = (): Date => new Date(this.current)
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
  set(date: Date): void {
    this.current = new Date(date)
  }
}

export interface TestCore extends Core {
  clock: TestClock
  dataDir: string
  /** Closes the core and deletes its data folder. */
  dispose(): Promise<void>
}

export const TEST_JWT_SECRET = 'k9Qz3vXw7LpR2mN8bT5yH1cF6dJ4sA0eGuVoWiYx'

/** A fresh core on a copy of the migrated template database, in its own data folder. */
export async function createTestCore(
  overrides: Partial<CoreOptions> & { env?: Record<string, string | undefined> } = {},
): Promise<TestCore> {
  const dataDir = overrides.dataDir ?? makeTestDataDir()
  const clock = new TestClock()
  const core = await createCore({
    mode: 'desktop',
    log: createSilentLogger(),
    now: clock.now,
    ...overrides,
    dataDir,
    env: { JWT_SECRET_KEY: TEST_JWT_SECRET, ENVIRONMENT: 'test', ...overrides.env },
  })
  return {
    ...core,
    clock,
    dataDir,
    async dispose() {
      await core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A data folder whose database is already migrated. */
export function makeTestDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'narraforge-test-'))
  cpSync(inject('templateDbDir'), join(dataDir, DB_FOLDER), { recursive: true })
  return dataDir
}
