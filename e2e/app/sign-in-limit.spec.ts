import { expect, test } from '@playwright/test'
import { snap } from '../support/app-steps'
import { useAppUnderTest } from '../support/app-under-test'

const servers = useAppUnderTest()

test('repeated failed sign-ins show the rate-limit message with the wait time', async ({
  page,
}) => {
  const app = await servers.startApp({ rateLimits: true })
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
