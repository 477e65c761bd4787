import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_CHANNELS, type NarraForgeBridge } from '@shared/contracts/bridge'
import type { PushEvent } from '@shared/contracts/events'
import {
  RECOVERY_CHANNELS,
  RECOVERY_FLAG,
  type NarraForgeRecoveryBridge,
} from '@shared/contracts/recovery'

/**
 * The one bridge the window gets: forward API requests, receive push events, tell the language,
 * ask for a restart.
 */
const bridge: NarraForgeBridge = {
  kind: 'electron',
  request: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.request, request),
  onEvent(listener) {
    const handler = (_: unknown, event: PushEvent) => listener(event)
    ipcRenderer.on(BRIDGE_CHANNELS.event, handler)
    return () => ipcRenderer.removeListener(BRIDGE_CHANNELS.event, handler)
  },
  setLanguage: (language) => ipcRenderer.send(BRIDGE_CHANNELS.language, language),
  relaunch: () => ipcRenderer.invoke(BRIDGE_CHANNELS.relaunch),
}

/** The recovery screen's two actions; exposed only in the window started with RECOVERY_FLAG. */
const recovery: NarraForgeRecoveryBridge = {
  restoreLatest: () => ipcRenderer.invoke(RECOVERY_CHANNELS.restoreLatest),
  startFresh: () => ipcRenderer.invoke(RECOVERY_CHANNELS.startFresh),
}

// `additionalArguments` reach a sandboxed preload through process.argv; each window gets
// exactly one of the two bridges.
if (process.argv.includes(RECOVERY_FLAG))
  contextBridge.exposeInMainWorld('narraforgeRecovery', recovery)
else contextBridge.exposeInMainWorld('narraforge', bridge)
