import { existsSync, rmSync } from 'node:fs'
import { expect, test, type ElectronApplication, type Page } from '@playwright/test'
import type { BridgeResponse, NarraForgeBridge } from '../../src-shared/contracts/bridge'
import {
  findElectronBinary,
  freshDataDir,
  launchApp,
  launchSecondCopy,
  MAIN_BUNDLE,
  NO_ELECTRON,
} from './electron-app'

const binary = findElectronBinary()
test.skip(!binary, NO_ELECTRON)
// The list reporter does not show skip reasons; say it once where the run log shows it.
if (!binary) process.stdout.write(`Electron tests skipped: ${NO_ELECTRON}\n`)
// The first start of a fresh folder creates the database (initdb), which takes a few seconds.
test.setTimeout(120_000)

let app: ElectronApplication | undefined
let dataDir: string

test.beforeAll(() => {
  if (!existsSync(MAIN_BUNDLE)) throw new Error('Build the app first: npx electron-vite build')
})
test.beforeEach(() => {
  dataDir = freshDataDir()
})
test.afterEach(async () => {
  await app?.close()
  app = undefined
  rmSync(dataDir, { recursive: true, force: true })
})

/** Calls the API through the window's own bridge, as the renderer's IPC transport does. */
function bridgeRequest(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<BridgeResponse> {
  return page.evaluate(
    ({ method, path, body }) => {
      const bridge = (window as unknown as { narraforge: NarraForgeBridge }).narraforge
      const headers: Record<string, string> =
        body === undefined ? {} : { 'content-type': 'application/json' }
      return bridge.request({
        method,
        path,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    },
    { method, path, body },
  )
}

test('opens one secure window on the sign-in screen', async () => {
  app = await launchApp(binary!, dataDir)
  const page = await app.firstWindow()

  await expect(page).toHaveTitle(/NarraForge/)
  await expect(page.locator('.auth__title')).toBeVisible()
  await expect(page.locator('input[type="password"]')).toBeVisible()
  const isolated = await page.evaluate(
    () => typeof (window as unknown as { require?: unknown }).require,
  )
  expect(isolated).toBe('undefined')
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('reaches the health panel once signed in', async () => {
  app = await launchApp(binary!, dataDir)
  const page = await app.firstWindow()
  await expect(page.locator('.auth__title')).toBeVisible()

  const readiness = await bridgeRequest(page, 'GET', '/api/health/ready')
  expect([200, 503]).toContain(readiness.status)
  expect(JSON.parse(readiness.body).checks.map((c: { name: string }) => c.name)).toContain(
    'database',
  )

  const registered = await bridgeRequest(page, 'POST', '/api/auth/register', {
    email: `e2e-${Date.now()}@example.com`,
    password: 'Secret123',
  })
  expect(registered.status).toBe(201)
  expect(JSON.parse(registered.body).refresh_token).toBeUndefined()
  // A reload restores the session from the main process's vault, as a restart would.
  await page.reload()
  await page.evaluate(() => {
    window.location.hash = '#/health'
  })

  await expect(page.locator('.auth__title')).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/#\/health$/)
})

test('a second launch focuses the first window and exits', async () => {
  app = await launchApp(binary!, dataDir)
  const page = await app.firstWindow()
  await expect(page.locator('.auth__title')).toBeVisible()
  // Hidden rather than minimised: hiding works without a window manager (xvfb).
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.hide())
  await expect
    .poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible()))
    .toBe(false)

  const exitCode = await launchSecondCopy(binary!, dataDir)

  expect(exitCode).toBe(0)
  await expect
    .poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible()))
    .toBe(true)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})
