import { app, type BrowserWindow } from 'electron'
import type { Logger } from '../core/logging/logger'
import { createReloadGuard, type ReloadGuard } from './reload-guard'

/**
 * Logs processes that die under the window and reloads the window when that left it blank:
 * its renderer, or the GPU process that draws it. Utility processes (generation workers) are
 * the worker host's to restart; here they are only logged.
 */
export function watchForCrashes(
  window: BrowserWindow,
  log: Logger,
  guard: ReloadGuard = createReloadGuard(),
): void {
  const reload = (reason: string) => {
    if (window.isDestroyed()) return
    if (guard.allow(reason)) window.webContents.reload()
    else log.error({ reason }, 'the window keeps crashing; not reloading it again for now')
  }

  window.webContents.on('render-process-gone', (_event, details) => {
    log.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer process gone')
    reload(details.reason)
  })
  window.webContents.on('unresponsive', () => log.warn('window is not responding'))
  window.webContents.on('responsive', () => log.info('window is responding again'))

  app.on('child-process-gone', (_event, details) => {
    const { type, reason, exitCode, name, serviceName } = details
    log.error({ type, reason, exitCode, name, serviceName }, 'child process gone')
    if (type === 'GPU') reload(reason)
  })
}
