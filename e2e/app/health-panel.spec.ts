import { expect, test } from '@playwright/test'
import { register, snap } from '../support/app-steps'
import {
  attachOnFailure,
  makeDataDir,
  startModelServer,
  startServer,
  type Running,
} from '../support/processes'

let models: Running | undefined
let app: Running | undefined
const data = makeDataDir()

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

test('the health panel lists every dependency and follows the model server going away and coming back', async ({
  page,
}) => {
  models = await startModelServer()
  const modelPort = new URL(models.url).port
  app = await startServer(data.dir, {
    OPENAI_API_KEY: 'sk-test-openai',
    OPENAI_BASE_URL: `${models.url}/v1`,
    RATE_LIMIT_ENABLED: 'false',
  })

  await register(page, app.url, 'health@example.com')
  await page.getByTestId('health-link').click()
  await expect(page.getByTestId('health')).toBeVisible()
  for (const name of [
    'database',
    'migrations',
    'disk',
    'providers',
    'workers',
    'queue',
    'provider:openai',
  ]) {
    await expect(page.getByTestId(`health-row-${name}`)).toBeVisible()
  }
  await expect(page.getByTestId('health-row-provider:openai')).toHaveAttribute('data-status', 'ok')
  await snap(page, '10-health')

  await models.stop()
  await page.getByTestId('health-refresh').click()
  await expect(page.getByTestId('health-row-provider:openai')).toHaveAttribute(
    'data-status',
    'down',
  )
  await expect(page.getByTestId('health-dot')).toHaveAttribute('data-status', 'down')
  await snap(page, '11-health-provider-down')

  models = await startModelServer(0, modelPort)
  await page.getByTestId('health-refresh').click()
  await expect(page.getByTestId('health-row-provider:openai')).toHaveAttribute('data-status', 'ok')
  await expect(page.getByTestId('health-dot')).toHaveAttribute('data-status', 'ok')
})
