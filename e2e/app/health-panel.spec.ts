import { expect, test } from '@playwright/test'
import { register, snap } from '../support/app-steps'
import { useAppUnderTest } from '../support/app-under-test'

const servers = useAppUnderTest()

test('the health panel lists every dependency and follows the model server going away and coming back', async ({
  page,
}) => {
  const models = await servers.startModels()
  const modelPort = new URL(models.url).port
  const app = await servers.startApp()

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
  await snap(page, '13-health')

  await models.stop()
  await page.getByTestId('health-refresh').click()
  await expect(page.getByTestId('health-row-provider:openai')).toHaveAttribute(
    'data-status',
    'down',
  )
  await expect(page.getByTestId('health-dot')).toHaveAttribute('data-status', 'down')
  await snap(page, '14-health-provider-down')

  await servers.startModels(0, modelPort)
  await page.getByTestId('health-refresh').click()
  await expect(page.getByTestId('health-row-provider:openai')).toHaveAttribute('data-status', 'ok')
  await expect(page.getByTestId('health-dot')).toHaveAttribute('data-status', 'ok')
})
