import { expect, test } from '@playwright/test'
import { snap } from '../support/app-steps'
import { attachOnFailure, makeDataDir, startServer, type Running } from '../support/processes'

let app: Running | undefined
const data = makeDataDir()

// Playwright reads fixtures from the first parameter and insists on a destructuring pattern.
// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
  await attachOnFailure(testInfo, { app }, data.dir)
})

test.afterAll(async () => {
  await app?.stop()
  data.remove()
})

test('repeated failed sign-ins show the rate-limit message with the wait time', async ({
  page,
}) => {
  app = await startServer(data.dir)
  await page.goto(app.url)
  await snap(page, '00-sign-in')

  await page.locator('input[name=email]').fill('nobody@example.com')
  await page.locator('input[name=password]').fill('Wrong1234')
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByTestId('auth-submit').click()
    await expect(page.getByTestId('auth-error')).toBeVisible()
  }
  await page.getByTestId('auth-submit').click()
  const banner = page.getByTestId('rate-limit')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText(/\d+\s*s/)
  await expect(page.getByTestId('auth-submit')).toBeDisabled()
  await snap(page, '15-sign-in-rate-limited')
})
