import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import { BRIDGE_CHANNELS, UiLanguageSchema, type UiLanguage } from '@shared/contracts/bridge'
import {
  RECOVERY_CHANNELS,
  type RecoveryAction,
  type RecoveryResult,
} from '@shared/contracts/recovery'
import type { Core } from '../core/create-core'
import { AppError } from '../core/errors/app-error'
import { isFor } from '../core/events/event-bus'
import { handleBridgeRequest, type SessionVault } from './bridge-handler'

export interface BridgeHandlers {
  /** The writer chose an interface language. */
  language(language: UiLanguage): void
  /** The writer asked to restart, to bring back a staged restore. */
  relaunch(): void
}

/**
 * Connects the window to the core: requests in through `ipcMain.handle`, push events out
 * through `webContents.send`, the writer's language and restart requests in as well. Messages
 * from any frame other than the app's own window are refused or ignored.
 */
export function connectBridge(
  core: Core,
  window: BrowserWindow,
  vault: SessionVault,
  handlers: BridgeHandlers,
): () => void {
  ipcMain.handle(BRIDGE_CHANNELS.request, async (event, request: unknown) => {
    if (!isFromWindow(event, window))
      throw new AppError('forbidden', 'Request from an unknown frame')
    return handleBridgeRequest(core, vault, `window-${window.id}`, request)
  })
  ipcMain.handle(BRIDGE_CHANNELS.relaunch, async (event) => {
    if (!isFromWindow(event, window))
      throw new AppError('forbidden', 'Request from an unknown frame')
    // Answered first; the restart closes the core and this window with it.
    setImmediate(handlers.relaunch)
  })

  const unsubscribe = core.events.subscribe((event) => {
    const userId = vault.userId()
    if (!userId || window.isDestroyed() || !isFor(event, userId)) return
    window.webContents.send(BRIDGE_CHANNELS.event, event)
  })

  // A one-way message: there is no one to answer, so anything unexpected is dropped.
  const reportLanguage = (event: IpcMainEvent, language: unknown) => {
    const parsed = UiLanguageSchema.safeParse(language)
    if (isFromWindow(event, window) && parsed.success) handlers.language(parsed.data)
  }
  ipcMain.on(BRIDGE_CHANNELS.language, reportLanguage)

  return () => {
    ipcMain.removeHandler(BRIDGE_CHANNELS.request)
    ipcMain.removeHandler(BRIDGE_CHANNELS.relaunch)
    ipcMain.removeListener(BRIDGE_CHANNELS.language, reportLanguage)
    unsubscribe()
  }
}

/**
 * Connects the recovery screen's two buttons to their actions. Like the app's bridge, only
 * the recovery window's own main frame is answered.
 */
export function connectRecoveryBridge(
  window: BrowserWindow,
  actions: Record<RecoveryAction, () => Promise<RecoveryResult>>,
): () => void {
  for (const action of Object.keys(RECOVERY_CHANNELS) as RecoveryAction[]) {
    ipcMain.handle(RECOVERY_CHANNELS[action], async (event) => {
      if (!isFromWindow(event, window))
        throw new AppError('forbidden', 'Request from an unknown frame')
      return actions[action]()
    })
  }
  return () => {
    for (const channel of Object.values(RECOVERY_CHANNELS)) ipcMain.removeHandler(channel)
  }
}

function isFromWindow(event: IpcMainEvent | IpcMainInvokeEvent, window: BrowserWindow): boolean {
  return (
    !window.isDestroyed() &&
    event.sender.id === window.webContents.id &&
    event.senderFrame === window.webContents.mainFrame
  )
}
