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
    })
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!
    const hash = createHash('sha256').update(script).digest('base64')

    expect(RECOVERY_PAGE_CSP).toContain(`script-src 'sha256-${hash}'`)
    expect(RECOVERY_PAGE_CSP).toContain("default-src 'none'")
    expect(html).toContain('The newest backup is from 2026-03-14 09:30:00 UTC (daily).')
  })

  it('escapes what the error says and disables restore without backups', () => {
    const html = renderRecoveryPage({
      detail: '<img src=x onerror=alert(1)>',
      dataDir: '/tmp/"x"',
      latestBackup: null,
    })
    expect(html).not.toContain('<img')
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(html).toContain('<button id="restore" disabled data-unavailable="true">')
    expect(html).toContain('There are no backups in the data folder.')
  })
})
