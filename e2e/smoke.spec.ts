import { expect, test } from '@playwright/test'
import { join } from 'node:path'
import { makeDataDir, startAndWaitForUrl, type Running } from './support/processes'

let app: Running | undefined
const data = makeDataDir()

test.afterAll(async () => {
  await app?.stop()
  data.remove()
})

test('npm start in browser mode answers at its address and the page loads', async ({ page }) => {
  app = await startAndWaitForUrl(
    process.execPath,
    [
      join(import.meta.dirname, '..', 'scripts', 'start.mjs'),
      '--port',
      '0',
      '--data-dir',
      data.dir,
    ],
    /NarraForge listening on (http:\/\/\S+)/,
    { NARRAFORGE_BROWSER: '1' },
  )
  expect(app.output()).toContain('browser mode')

  const health = await page.request.get(`${app.url}/api/health/live`)
  expect(health.status()).toBe(200)
  expect((await health.json()).mode).toBe('browser')

  const errors: string[] = []
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()))
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(app.url)
  await expect(page).toHaveTitle(/NarraForge/)
  await expect(page.locator('#root')).not.toBeEmpty()
  expect(errors).toEqual([])
})
