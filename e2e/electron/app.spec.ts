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

/** What a desktop without a provider checks: no provider rows until one is set up. */
const HEALTH_ENTRIES = ['database', 'migrations', 'disk', 'providers', 'workers', 'queue']
const PASSWORD = 'Secret123'

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
function bridgeRequest(page: Page, method: 'GET' | 'POST', path: string, body?: unknown) {
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
  ) as Promise<BridgeResponse>
}

/** Fills the form on screen (sign-in, or sign-up after switching) and waits for the dashboard. */
async function submitAuthForm(page: Page, email: string, register: boolean): Promise<void> {
  if (register) await page.getByTestId('auth-switch').click()
  await expect(page.getByTestId(register ? 'register-form' : 'sign-in-form')).toBeVisible()
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill(PASSWORD)
  await page.getByTestId('auth-submit').click()
  await expect(page.getByTestId('dashboard')).toBeVisible()
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

test('signs in through the form and lists every dependency on the health panel', async () => {
  app = await launchApp(binary!, dataDir)
  const page = await app.firstWindow()
  const email = `e2e-${Date.now()}@example.com`
  await submitAuthForm(page, email, true)
  await page.getByTestId('sign-out').click()
  await expect(page.locator('.auth__title')).toBeVisible()

  await submitAuthForm(page, email, false)

  // The refresh token stays in the main process: a refresh through the bridge never shows it.
  const refreshed = await bridgeRequest(page, 'POST', '/api/auth/refresh', {})
  expect(refreshed.status).toBe(200)
  expect(JSON.parse(refreshed.body).refresh_token).toBeUndefined()
  // A reload resumes the session from the main process's vault, as a restart would.
  await page.reload()
  await expect(page.getByTestId('dashboard')).toBeVisible()
  await page.getByTestId('health-link').click()
  await expect(page.getByTestId('health')).toBeVisible()
  for (const name of HEALTH_ENTRIES) {
    await expect(page.getByTestId(`health-row-${name}`)).toBeVisible()
  }
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
