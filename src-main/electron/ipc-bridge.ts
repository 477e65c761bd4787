import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { BRIDGE_CHANNELS } from '@shared/contracts/bridge'
import type { Core } from '../core/create-core'
import { AppError } from '../core/errors/app-error'
import { isFor } from '../core/events/event-bus'
import { handleBridgeRequest, type SessionVault } from './bridge-handler'

/**
 * Connects the window to the core: requests in through `ipcMain.handle`, push events out
 * through `webContents.send`. Requests from any frame other than the app's own window are
 * refused.
 */
export function connectBridge(core: Core, window: BrowserWindow, vault: SessionVault): () => void {
  const isOwnWindow = (event: IpcMainInvokeEvent) =>
    event.sender.id === window.webContents.id && event.senderFrame === window.webContents.mainFrame

  ipcMain.handle(BRIDGE_CHANNELS.request, async (event, request: unknown) => {
    if (!isOwnWindow(event)) throw new AppError('forbidden', 'Request from an unknown frame')
    return handleBridgeRequest(core, vault, `window-${window.id}`, request)
  })

  const unsubscribe = core.events.subscribe((event) => {
    const userId = vault.userId()
    if (!userId || window.isDestroyed() || !isFor(event, userId)) return
    window.webContents.send(BRIDGE_CHANNELS.event, event)
  })

  return () => {
    ipcMain.removeHandler(BRIDGE_CHANNELS.request)
    unsubscribe()
  }
}
