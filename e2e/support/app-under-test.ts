import { test, type Page } from '@playwright/test'
import {
  attachOnFailure,
  makeDataDir,
  startModelServer,
  startServer,
  type Running,
} from './processes'

/** The headless server of one spec file and the test model server it generates with. */
export interface AppUnderTest {
  readonly dataDir: string
  readonly app: Running | undefined
  readonly models: Running | undefined
  /** Starts the test model server; a port given brings it back where it was. */
  startModels(latencyMs?: number, port?: string): Promise<Running>
  /**
   * Starts the headless server, with OpenAI pointed at the test model server when one runs.
   * Rate limits are off unless a test is about them.
   */
  startApp(options?: { rateLimits?: boolean }): Promise<Running>
}

/**
 * Registers the hooks every browser spec needs: a fresh data folder for the file, the
 * processes' output and logs attached when a test fails, and everything stopped and removed
 * at the end. Call it once at the top of a spec file.
 */
export function useAppUnderTest(): AppUnderTest {
  const data = makeDataDir()
  let app: Running | undefined
  let models: Running | undefined

  // Playwright reads fixtures from the first parameter and insists on a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  test.afterEach(async ({}, testInfo) => {
    await attachOnFailure(testInfo, { app, models }, data.dir)
  })

  test.afterAll(async () => {
    await app?.stop()
    await models?.stop()
    data.remove()
  })

  return {
    dataDir: data.dir,
    get app() {
      return app
    },
    get models() {
      return models
    },
    async startModels(latencyMs = 5, port = '0') {
      models = await startModelServer(latencyMs, port)
      return models
    },
    async startApp({ rateLimits = false } = {}) {
      app = await startServer(data.dir, {
        ...(models && { OPENAI_API_KEY: 'sk-test-openai', OPENAI_BASE_URL: `${models.url}/v1` }),
        ...(!rateLimits && { RATE_LIMIT_ENABLED: 'false' }),
      })
      return app
    },
  }
}

/**
 * Collects what should never happen in a page: uncaught exceptions, unhandled rejections
 * and anything logged to the console as an error (failed requests included).
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url
      errors.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`)
    }
  })
  return errors
}
