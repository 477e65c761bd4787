import { createHash } from 'node:crypto'
import type { BackupInfo } from '@shared/contracts/backups'
import type { UiLanguage } from '@shared/contracts/bridge'
import { SHELL_TEXT } from '../shell-text'

export interface RecoveryPageInput {
  /** Why the database could not be opened. */
  detail: string
  dataDir: string
  latestBackup: BackupInfo | null
  language: UiLanguage
}

/**
 * Runs the chosen action through the recovery bridge and shows its answer. Its words come
 * from the status element's data attribute, so the script, and with it its hash, stays the
 * same in every language.
 */
const SCRIPT = `
const status = document.getElementById('status')
const buttons = Array.from(document.querySelectorAll('button'))
async function run(action) {
  buttons.forEach((b) => { b.disabled = true })
  status.textContent = status.dataset.working
  const result = await window.narraforgeRecovery[action]()
  status.textContent = result.message
  if (!result.ok) buttons.forEach((b) => { b.disabled = b.dataset.unavailable === 'true' })
}
document.getElementById('restore').addEventListener('click', () => run('restoreLatest'))
document.getElementById('fresh').addEventListener('click', () => run('startFresh'))
`
/** The script is allowed by its hash alone, so nothing else inline can run on the page. */
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64')
const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`

/** The recovery screen as one self-contained page, loaded from a data: URL. */
export function renderRecoveryPage(input: RecoveryPageInput): string {
  const text = SHELL_TEXT[input.language].recoveryPage
  const backup = input.latestBackup
  const backupLine = backup
    ? text.latestBackup(escapeHtml(formatDate(backup.created_at)), escapeHtml(backup.reason))
    : escapeHtml(text.noBackups)
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(text.title)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem 2.5rem; color: #222; }
  pre { white-space: pre-wrap; background: #f4f1ec; padding: .75rem; border-radius: 6px; }
  button { font: inherit; padding: .6rem 1rem; margin: .4rem .6rem .4rem 0; cursor: pointer; }
  #status { min-height: 1.5em; font-weight: 600; }
</style>
</head>
<body>
<h1>${escapeHtml(text.heading)}</h1>
<p>${text.databaseUnreadable(`<code>${escapeHtml(input.dataDir)}</code>`)}</p>
<pre>${escapeHtml(input.detail)}</pre>
<p>${backupLine} ${text.nothingDeleted('<code>replaced</code>')}</p>
<button id="restore"${backup ? '' : ' disabled data-unavailable="true"'}>${escapeHtml(text.restore)}</button>
<button id="fresh">${escapeHtml(text.startFresh)}</button>
<p id="status" role="status" data-working="${escapeHtml(text.working)}"></p>
<script>${SCRIPT}</script>
</body>
</html>`
}

/** The CSP the page carries, exposed for tests. */
export const RECOVERY_PAGE_CSP = CSP

function formatDate(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}
