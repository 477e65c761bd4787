import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { register, runEpubcheck, snap } from '../support/app-steps'
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

test.beforeAll(async () => {
  models = await startModelServer(20)
  app = await startServer(data.dir, {
    OPENAI_API_KEY: 'sk-test-openai',
    OPENAI_BASE_URL: `${models.url}/v1`,
    RATE_LIMIT_ENABLED: 'false',
  })
})

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

test('a writer drafts a story, watches it stream, edits it, restores the first version and exports it', async ({
  page,
}, testInfo) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const url = app!.url

  await register(page, url, 'writer@example.com')
  await expect(page.getByTestId('health-dot')).toHaveAttribute('data-status', 'ok')
  await snap(page, '01-dashboard')

  await page.goto(`${url}/#/projects`)
  await page.getByTestId('project-new').first().click()
  await page.getByTestId('project-dialog').getByLabel(/name/i).first().fill('Opowiadania morskie')
  await page.getByTestId('project-save').click()
  await expect(page.getByText('Opowiadania morskie')).toBeVisible()
  await snap(page, '02-projects')

  await page.getByTestId('new-work-button').click()
  await expect(page.getByTestId('brief-project')).toBeVisible()
  await page.getByTestId('brief-title').fill('Złota godzina')
  await page.getByTestId('brief-target-words').fill('500')
  await expect(page.locator('[aria-invalid=true][name=target_words]')).toBeVisible()
  await page.getByTestId('brief-target-words').fill('1500')
  await page
    .getByTestId('brief-premise')
    .fill('A lighthouse keeper finds a letter from her future self.')
  await expect(page.getByTestId('estimate-cost')).toContainText('$')
  await snap(page, '03-new-work')
  await page.getByTestId('brief-submit').click()

  await expect(page.getByTestId('job')).toBeVisible()
  await expect(page.getByTestId('job-prose')).not.toHaveAttribute('data-length', '0')
  await snap(page, '04-job-streaming')
  await expect(page.getByTestId('stage-output')).toHaveAttribute('data-state', 'done', {
    timeout: 90_000,
  })
  await expect(page.getByTestId('job-progress')).toHaveAttribute('aria-valuenow', '100')
  await snap(page, '05-job-done')

  await page.getByTestId('job-open-narrative').click()
  await expect(page.getByTestId('reader-text')).toBeVisible()
  await snap(page, '06-reader')
  await page.getByTestId('reader-edit').click()
  const editor = page.getByTestId('editor-text')
  await editor.press('Control+End')
  await editor.pressSequentially(' The end.')
  await expect(page.getByTestId('save-status')).toHaveText(/version 2/)
  await expect(page.getByTestId('version-row-2')).toBeVisible()
  await snap(page, '07-editor')

  await page.getByTestId('version-restore-1').click()
  await page.getByTestId('confirm-button').click()
  await expect(page.getByTestId('version-row-3')).toContainText(/restored/)
  await expect(editor).not.toHaveValue(/The end\.$/)

  const docx = await download(page, 'export-docx', testInfo.outputPath('story.docx'))
  expect(docx.suggested).toMatch(/\.docx$/)
  expect(readFileSync(docx.path).subarray(0, 2).toString()).toBe('PK')

  const epub = await download(page, 'export-epub', testInfo.outputPath('story.epub'))
  expect(epub.suggested).toMatch(/\.epub$/)
  const check = runEpubcheck(epub.path)
  expect(check.ok, check.output).toBe(true)

  await page.goto(`${url}/#/projects`)
  const projectFile = await download(page, 'project-export', testInfo.outputPath('project.json'))
  expect(projectFile.suggested).toMatch(/\.narraforge\.json$/)
  await page.getByTestId('project-import-file').setInputFiles(projectFile.path)
  await expect(page.getByText('Opowiadania morskie')).toHaveCount(2)

  await page.goto(`${url}/#/usage`)
  await expect(page.getByTestId('usage')).toBeVisible()
  await snap(page, '08-usage')
  await page.goto(`${url}/#/settings`)
  await snap(page, '09-settings')
  expect(errors).toEqual([])
})

async function download(page: import('@playwright/test').Page, testId: string, path: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ])
  await file.saveAs(path)
  return { path, suggested: file.suggestedFilename(), dir: join(path, '..') }
}
