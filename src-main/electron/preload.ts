import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_CHANNELS, type NarraForgeBridge } from '@shared/contracts/bridge'
import type { PushEvent } from '@shared/contracts/events'

/** The one bridge the window gets: forward API requests, receive push events. */
const bridge: NarraForgeBridge = {
  kind: 'electron',
  request: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.request, request),
  onEvent(listener) {
    const handler = (_: unknown, event: PushEvent) => listener(event)
    ipcRenderer.on(BRIDGE_CHANNELS.event, handler)
    return () => ipcRenderer.removeListener(BRIDGE_CHANNELS.event, handler)
  },
}

contextBridge.exposeInMainWorld('narraforge', bridge)
