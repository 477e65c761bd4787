import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'

export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

/** Saves a full-page screenshot of a main screen as a test artifact. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** Registers through the sign-up form and waits for the dashboard. */
export async function register(
  page: Page,
  baseUrl: string,
  email: string,
  options: {
    password?: string
    /** Screenshot of the filled form, under this name. */ snapAs?: string
  } = {},
): Promise<void> {
  await page.goto(baseUrl)
  await page.getByTestId('auth-switch').click()
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill(options.password ?? 'Passw0rd')
  await expect(page.getByTestId('password-rule-digit')).toHaveAttribute('data-met', 'true')
  if (options.snapAs) await snap(page, options.snapAs)
  await page.getByTestId('auth-submit').click()
  await expect(page.getByTestId('dashboard')).toBeVisible()
}

/** Runs Debian's epubcheck on a file: it is a jar, so Java runs it. */
export function runEpubcheck(file: string): { ok: boolean; output: string } {
  const direct = spawnSync('epubcheck', [file], { encoding: 'utf8' })
  const result =
    direct.status === 0 || direct.status === 1
      ? direct
      : spawnSync('java', ['-jar', '/usr/bin/epubcheck', file], { encoding: 'utf8' })
  const output = `${result.stdout}\n${result.stderr}`
  return {
    ok: result.status === 0 && !/ERROR|WARNING/.test(output.replace(/0 errors|0 warnings/g, '')),
    output,
  }
}
