import { BrowserWindow } from 'electron'
import type { UiLanguage } from '@shared/contracts/bridge'
import { isAppError } from '../core/errors/app-error'
import type { Logger } from '../core/logging/logger'
import { decideAfterFailedStart } from '../core/recovery/startup-decision'
import { openRecoveryWindow } from './recovery/recovery-window'
import { SHELL_TEXT } from './shell-text'

export interface StartupFailureOptions {
  dataDir: string
  preload: string
  /** The shell's logger: the core's may never have been built. */
  log: Logger
  /** The system's: these windows open before the renderer could say the writer's choice. */
  language: UiLanguage
  onRecovered(): void
}

/**
 * Shows what the writer can do when the core does not start: the recovery screen for a
 * database that failed to open, migrate or serve, a plain message for settings problems and
 * a folder held by another NarraForge (`decideAfterFailedStart` chooses).
 */
export async function handleStartupFailure(
  error: unknown,
  options: StartupFailureOptions,
): Promise<void> {
  const { log } = options
  log.error({ err: error }, 'core failed to start')

  const decision = await decideAfterFailedStart(error, options.dataDir)
  log.info({ action: decision.action }, 'start-up failure handled')
  if (decision.action === 'recover') openRecoveryWindow({ ...options, detail: decision.detail })
  else showStartupFailure(decision.message, options.language)
}

/** A plain window with the reason the app could not start. */
export function showStartupFailure(error: unknown, language: UiLanguage): void {
  const message = isAppError(error) ? error.message : String(error)
  const heading = SHELL_TEXT[language].startupFailure.heading
  const window = new BrowserWindow({ width: 720, height: 480, title: 'NarraForge' })
  const html =
    `<html lang="${language}">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<h1 style="font-family:system-ui">${escapeHtml(heading)}</h1><pre style="white-space:pre-wrap">${escapeHtml(message)}</pre>`
  void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!)
}
