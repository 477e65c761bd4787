import { BrowserWindow } from 'electron'
import type { UiLanguage } from '@shared/contracts/bridge'
import type { RecoveryResult } from '@shared/contracts/recovery'
import { RECOVERY_FLAG } from '@shared/contracts/recovery'
import { listBackupFiles } from '../../core/backups/backup-files'
import { isAppError } from '../../core/errors/app-error'
import type { Logger } from '../../core/logging/logger'
import { restoreLatest, startFresh } from '../../core/recovery/recovery-actions'
import { securePreferences } from '../app-window'
import { connectRecoveryBridge } from '../ipc-bridge'
import { SHELL_TEXT } from '../shell-text'
import { renderRecoveryPage } from './recovery-page'

export interface RecoveryWindowOptions {
  dataDir: string
  /** Why the app could not start on its database. */
  detail: string
  preload: string
  log: Logger
  /** The system's, as no renderer has run to say the writer's choice. */
  language: UiLanguage
  /** Called once an action succeeded; the app restarts on the repaired folder. */
  onRecovered(): void
}

/**
 * The screen shown instead of the app when it could not start on its database (damaged files,
 * a failed migration): restore the newest good backup, or start with an empty library. Both
 * keep the current database in `replaced/`.
 */
export function openRecoveryWindow(options: RecoveryWindowOptions): BrowserWindow {
  const { dataDir, log, language } = options
  const text = SHELL_TEXT[language]
  const window = new BrowserWindow({
    width: 760,
    height: 560,
    title: text.recoveryPage.title,
    webPreferences: securePreferences(options.preload, { additionalArguments: [RECOVERY_FLAG] }),
  })

  const run = (name: string, work: () => Promise<string>) => async (): Promise<RecoveryResult> => {
    try {
      const message = await work()
      log.info({ action: name }, 'recovery action done; restarting')
      // Answer the page first, so it can say what happened before the app restarts.
      setImmediate(options.onRecovered)
      return { ok: true, message }
    } catch (error) {
      log.error({ err: error, action: name }, 'recovery action failed')
      return {
        ok: false,
        message: isAppError(error) ? error.message : text.recoveryResult.failed,
      }
    }
  }
  connectRecoveryBridge(window, {
    restoreLatest: run('restore-latest', async () => {
      const outcome = await restoreLatest(dataDir)
      return text.recoveryResult.restored(outcome.restored, outcome.replaced)
    }),
    startFresh: run('start-fresh', async () => {
      const outcome = await startFresh(dataDir)
      return text.recoveryResult.startedFresh(outcome.replaced)
    }),
  })

  const html = renderRecoveryPage({
    detail: options.detail,
    dataDir,
    latestBackup: listBackupFiles(dataDir)[0] ?? null,
    language,
  })
  void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
  return window
}
