import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, screen, type WebPreferences } from 'electron'
import type { Logger } from '../core/logging/logger'
import type { RendererLocation } from './content-policy'
import { fitToDisplays, loadWindowState, MIN_WINDOW, saveWindowState } from './window-state'

export interface MainWindowOptions {
  location: RendererLocation
  preload: string
  /** `<userData>/window-state.json`. */
  stateFile: string
  log: Logger
}

/** Settle time before saving after a drag or resize, which fire many events a second. */
const SAVE_DELAY_MS = 500

/** Opens the app's window where the writer left it, on a display that is still attached. */
export function openMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id)
  const state = fitToDisplays(loadWindowState(options.stateFile), [
    primary.workArea,
    ...others.map((d) => d.workArea),
  ])

  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    show: false,
    title: 'NarraForge',
    webPreferences: securePreferences(options.preload),
  })
  if (state.maximized) window.maximize()
  rememberWindowState(window, options.stateFile, options.log)
  window.once('ready-to-show', () => window.show())

  if (options.location.kind === 'dev-server') void window.loadURL(options.location.url)
  else void window.loadFile(options.location.path)
  return window
}

/** The isolation every window of the app runs with. */
export function securePreferences(preload: string, extra: WebPreferences = {}): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    ...extra,
  }
}

/** Brings the window to the front, restoring it when minimised. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

/** The dev server in development (`ELECTRON_RENDERER_URL`), the built page otherwise. */
export function locateRenderer(): RendererLocation {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) return { kind: 'dev-server', url: devUrl }
  const path = join(import.meta.dirname, '../renderer/index.html')
  return { kind: 'file', path, url: pathToFileURL(path).href }
}

function rememberWindowState(window: BrowserWindow, file: string, log: Logger): void {
  let timer: NodeJS.Timeout | undefined
  const save = () => {
    clearTimeout(timer)
    if (window.isDestroyed()) return
    try {
      saveWindowState(file, { ...window.getNormalBounds(), maximized: window.isMaximized() })
    } catch (error) {
      log.warn({ err: error }, 'window position could not be saved')
    }
  }
  const saveSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('maximize', save)
  window.on('unmaximize', save)
  window.on('close', save)
}
