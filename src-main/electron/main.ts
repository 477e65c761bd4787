import { join } from 'node:path'
import { app, BrowserWindow, shell } from 'electron'
import { createCore, type Core } from '../core/create-core'
import { isAppError } from '../core/errors/app-error'
import { connectBridge } from './ipc-bridge'
import { createMemoryVault } from './session-vault'

/**
 * The Electron entry reads like a table of contents: claim the single instance, build the
 * core, open the window, bridge it, close cleanly.
 */
let core: Core | undefined
let mainWindow: BrowserWindow | undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => focusWindow())
  app.whenReady().then(start).catch(showStartupFailure)
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    if (!core) return
    event.preventDefault()
    const closing = core
    core = undefined
    void closing.close().finally(() => app.quit())
  })
}

async function start(): Promise<void> {
  core = await createCore({ mode: 'desktop', dataDir: app.getPath('userData') })
  mainWindow = createWindow()
  connectBridge(core, mainWindow, createMemoryVault())
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())

  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return window
}

function focusWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function showStartupFailure(error: unknown): void {
  const message = isAppError(error) ? error.message : String(error)
  const window = new BrowserWindow({ width: 720, height: 480 })
  const html = `<h1>NarraForge could not start</h1><pre>${escapeHtml(message)}</pre>`
  void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!)
}
