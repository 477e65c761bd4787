import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { register, runEpubcheck, snap } from '../support/app-steps'
import { collectPageErrors, useAppUnderTest } from '../support/app-under-test'

const servers = useAppUnderTest()
// The second test reads what the first one wrote: the writer, the job and its narrative.
test.describe.configure({ mode: 'serial' })
const written = { jobPath: '', readerPath: '' }

test.beforeAll(async () => {
  await servers.startModels(20)
  await servers.startApp()
})

test('a writer drafts a story, watches it stream, edits it, restores the first version and exports it', async ({
  page,
}, testInfo) => {
  const errors = collectPageErrors(page)
  const url = servers.app!.url

  await register(page, url, 'writer@example.com', { snapAs: '01-register' })
  await expect(page.getByTestId('health-dot')).toHaveAttribute('data-status', 'ok')
  await snap(page, '02-dashboard')

  await page.goto(`${url}/#/projects`)
  await page.getByTestId('project-new').first().click()
  await page.getByTestId('project-dialog').getByLabel(/name/i).first().fill('Opowiadania morskie')
  await page.getByTestId('project-save').click()
  await expect(page.getByText('Opowiadania morskie')).toBeVisible()
  await snap(page, '03-projects')

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
  await snap(page, '04-new-work')
  await page.getByTestId('brief-submit').click()

  await expect(page.getByTestId('job')).toBeVisible()
  await expect(page.getByTestId('job-prose')).not.toHaveAttribute('data-length', '0')
  await snap(page, '05-job-streaming')
  await expect(page.getByTestId('stage-output')).toHaveAttribute('data-state', 'done', {
    timeout: 90_000,
  })
  await expect(page.getByTestId('job-progress')).toHaveAttribute('aria-valuenow', '100')
  // A new session has seen none of the stream; the prose comes from the job's checkpoints.
  await page.reload()
  await expect(page.getByTestId('job-prose').locator('[data-segment]').first()).toBeVisible()
  await snap(page, '06-job-done')
  written.jobPath = hashRoute(page.url())

  await page.getByTestId('job-open-narrative').click()
  await expect(page.getByTestId('reader-text')).toBeVisible()
  await snap(page, '08-reader')
  written.readerPath = hashRoute(page.url())
  await page.getByTestId('reader-edit').click()
  const editor = page.getByTestId('editor-text')
  await editor.press('Control+End')
  await editor.pressSequentially(' The end.')
  await expect(page.getByTestId('save-status')).toHaveText(/version 2/)
  await expect(page.getByTestId('version-row-2')).toBeVisible()
  await snap(page, '09-editor-versions')

  await page.getByTestId('version-restore-1').click()
  await page.getByTestId('confirm-button').click()
  await expect(page.getByTestId('version-row-3')).toContainText(/restored/)
  await expect(editor).not.toHaveValue(/The end\.$/)

  // Exported at once, before the autosave pause is over: the export still has the last words.
  await editor.press('Control+End')
  await editor.pressSequentially(' Coda.')
  const markdown = await download(page, 'export-md', testInfo.outputPath('story.md'))
  expect(readFileSync(markdown.path, 'utf8')).toContain('Coda.')

  const docx = await download(page, 'export-docx', testInfo.outputPath('story.docx'))
  expect(docx.suggested).toMatch(/\.docx$/)
  expect(readFileSync(docx.path).subarray(0, 2).toString()).toBe('PK')

  const epub = await download(page, 'export-epub', testInfo.outputPath('story.epub'))
  expect(epub.suggested).toMatch(/\.epub$/)
  const check = runEpubcheck(epub.path)
  expect(check.ok, check.output).toBe(true)

  await page.goto(`${url}/#/narratives`)
  await expect(page.getByTestId('narrative-table')).toBeVisible()
  await snap(page, '10-narratives')
  await page.goto(`${url}/#/jobs`)
  await expect(page.getByTestId('job-table')).toBeVisible()
  await snap(page, '07-jobs')

  await page.goto(`${url}/#/projects`)
  const projectFile = await download(page, 'project-export', testInfo.outputPath('project.json'))
  expect(projectFile.suggested).toMatch(/\.narraforge\.json$/)
  await page.getByTestId('project-import-file').setInputFiles(projectFile.path)
  await expect(page.getByText('Opowiadania morskie')).toHaveCount(2)

  await page.goto(`${url}/#/usage`)
  await expect(page.getByTestId('usage-by-day')).toBeVisible()
  await snap(page, '11-usage')
  await page.goto(`${url}/#/settings`)
  await expect(page.getByTestId('provider-openai')).toBeVisible()
  await snap(page, '12-settings')
  expect(errors).toEqual([])
})

test('every main screen fits a 1024-pixel window, in English, in Polish and in the dark', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const url = servers.app!.url
  await page.setViewportSize({ width: 1024, height: 768 })
  await signIn(page, url, 'writer@example.com')

  const { jobPath, readerPath } = written
  const screens: [string, string, string][] = [
    ['dashboard', '/#/', 'dashboard'],
    ['projects', '/#/projects', 'projects'],
    ['new-work', '/#/generate', 'new-generation'],
    ['jobs', '/#/jobs', 'job-table'],
    ['job', jobPath, 'job'],
    ['narratives', '/#/narratives', 'narrative-table'],
    ['reader', readerPath, 'reader-text'],
    ['editor', `${readerPath}/edit`, 'versions-panel'],
    ['usage', '/#/usage', 'usage-by-day'],
    ['health', '/#/health', 'health-summary'],
    ['settings', '/#/settings', 'provider-openai'],
  ]
  for (const [name, path, testId] of screens) {
    await page.goto(`${url}${path}`)
    await expect(page.getByTestId(testId)).toBeVisible()
    expect(await overflowsSideways(page), `${name} scrolls sideways at 1024 px`).toBe(false)
    await snap(page, `20-1024-${name}`)
  }

  await page.goto(`${url}/#/settings?section=notifications`)
  const webhook = page.getByTestId('webhook-url')
  await webhook.fill('ftp://example.com/hook')
  await page.getByTestId('webhook-save').click()
  await expect(webhook).toHaveAttribute('aria-invalid', 'true')
  await webhook.fill('https://example.com/narraforge')
  await page.getByTestId('webhook-save').click()
  await expect(page.getByTestId('webhook-remove')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('webhook-url')).toHaveValue('https://example.com/narraforge')
  await snap(page, '21-1024-settings-webhook')

  await page.goto(`${url}/#/settings?section=appearance`)
  await page.getByTestId('language-select').selectOption('pl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl')
  await page.goto(`${url}/#/`)
  await expect(page.getByTestId('dashboard')).toBeVisible()
  await snap(page, '30-pl-dashboard')
  await page.goto(`${url}${jobPath}`)
  await expect(page.getByTestId('job-prose').locator('[data-segment]').first()).toBeVisible()
  await snap(page, '31-pl-job')

  await page.goto(`${url}/#/settings?section=appearance`)
  await page.getByTestId('theme-dark').check()
  await page.goto(`${url}${readerPath}/edit`)
  await expect(page.getByTestId('versions-panel')).toBeVisible()
  await snap(page, '40-dark-editor')
  expect(errors).toEqual([])
})

async function download(page: Page, testId: string, path: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ])
  await file.saveAs(path)
  return { path, suggested: file.suggestedFilename() }
}

async function signIn(page: Page, url: string, email: string) {
  await page.goto(url)
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill('Passw0rd')
  await page.getByTestId('auth-submit').click()
  await expect(page.getByTestId('dashboard')).toBeVisible()
}

/** `/#/jobs/<id>` from a full address, to visit the same screen again later. */
function hashRoute(address: string): string {
  return `/${new URL(address).hash}`
}

function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return root.scrollWidth > root.clientWidth + 1
  })
}
