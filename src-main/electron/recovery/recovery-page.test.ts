import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { RECOVERY_PAGE_CSP, renderRecoveryPage } from './recovery-page'

const backup = {
  file: '2026-03-14T09-30-00-000Z-daily.tar.gz',
  reason: 'daily',
  created_at: '2026-03-14T09:30:00.000Z',
  size_bytes: 4_000_000,
  automatic: true,
}

describe('recovery page', () => {
  it('runs only its own script, allowed by hash', () => {
    const html = renderRecoveryPage({
      detail: 'Aborted()',
      dataDir: '/home/w/.config/NarraForge',
      latestBackup: backup,
      language: 'en',
    })
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!
    const hash = createHash('sha256').update(script).digest('base64')

    expect(RECOVERY_PAGE_CSP).toContain(`script-src 'sha256-${hash}'`)
    expect(RECOVERY_PAGE_CSP).toContain("default-src 'none'")
    expect(html).toContain('The newest backup is from 2026-03-14 09:30:00 UTC (daily).')
    expect(html).toContain('data-working="Working…"')
  })

  it('escapes what the error says and disables restore without backups', () => {
    const html = renderRecoveryPage({
      detail: '<img src=x onerror=alert(1)>',
      dataDir: '/tmp/"x"',
      latestBackup: null,
      language: 'en',
    })
    expect(html).not.toContain('<img')
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(html).toContain('<button id="restore" disabled data-unavailable="true">')
    expect(html).toContain('There are no backups in the data folder.')
  })

  it('speaks Polish with the same script and policy', () => {
    const page = (language: 'en' | 'pl') =>
      renderRecoveryPage({ detail: 'Aborted()', dataDir: '/w', latestBackup: backup, language })
    const english = page('en')
    const html = page('pl')
    const scriptOf = (page: string) => /<script>([\s\S]*)<\/script>/.exec(page)![1]
    const csp = (page: string) => /content="([^"]*)"/.exec(page)![1]

    expect(html).toContain('<html lang="pl">')
    expect(html).toContain('<h1>NarraForge nie może otworzyć Twojej biblioteki</h1>')
    expect(html).toContain(
      'Najnowsza kopia zapasowa pochodzi z 2026-03-14 09:30:00 UTC (codzienna).',
    )
    expect(html).toContain('data-working="Trwa przetwarzanie…"')
    expect(html).not.toContain('Restore the latest backup')
    expect(scriptOf(html)).toBe(scriptOf(english))
    expect(csp(html)).toBe(RECOVERY_PAGE_CSP)
  })
})
