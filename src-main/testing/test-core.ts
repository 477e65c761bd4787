import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import pino from 'pino'
import { inject } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../core/create-core'
import { createSilentLogger, REDACTED_PATHS, type Logger } from '../core/logging/logger'
import { DB_FOLDER } from '../core/db/open-database'
import { narratives } from '../core/db/schema'

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
    // API tests run no workers unless they ask for them; jobs then wait in the queue.
    spawnWorker: null,
    now: clock.now,
    ...overrides,
    dataDir,
    env: {
      JWT_SECRET_KEY: TEST_JWT_SECRET,
      ENVIRONMENT: 'test',
      // Background health runs would ping model servers between a test's own requests.
      HEALTH_CHECK_INTERVAL_MS: '3600000',
      ...overrides.env,
    },
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

/**
 * Puts a narrative straight into the database, as the pipeline's output step would, for tests
 * of the read side that should not run a generation first.
 */
export async function insertNarrative(
  core: TestCore,
  owner: { userId: string; projectId: string },
  overrides: Partial<typeof narratives.$inferInsert> = {},
): Promise<typeof narratives.$inferSelect> {
  const [row] = await core.db
    .insert(narratives)
    .values({
      userId: owner.userId,
      projectId: owner.projectId,
      title: 'The Lighthouse Keeper',
      form: 'short_story',
      genre: 'mystery',
      language: 'en',
      text: 'The lamp went out at midnight.',
      wordCount: 6,
      ...overrides,
    })
    .returning()
  if (!row) throw new Error('narrative was not inserted')
  return row
}

export interface MemoryLogger {
  log: Logger
  /** Every line written so far, parsed. */
  lines(): Record<string, any>[]
}

/** A logger with the application's redaction that keeps its JSON lines in memory. */
export function createMemoryLogger(level = 'debug'): MemoryLogger {
  const written: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString())
      done()
    },
  })
  const log = pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream)
  return {
    log,
    lines: () =>
      written
        .flatMap((w) => w.split('\n'))
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  }
}
