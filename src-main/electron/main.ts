import { join, resolve } from 'node:path'
import { app, BrowserWindow, Menu, session, shell } from 'electron'
import type { UiLanguage } from '@shared/contracts/bridge'
import { createCore, type Core } from '../core/create-core'
import type { Logger } from '../core/logging/logger'
import { buildMenuTemplate } from './app-menu'
import { focusWindow, locateRenderer, openMainWindow } from './app-window'
import { watchForCrashes } from './crash-handling'
import { connectBridge } from './ipc-bridge'
import { notifyJobOutcomes } from './notify-job-outcomes'
import { createSafeStorageSecretStore } from './safe-storage-secret-store'
import { createPersistentVault } from './session-vault'
import { createShellLogger } from './shell-logger'
import { SHELL_TEXT, shellLanguageOf } from './shell-text'
import { createShutdown, type ShutdownOutcome } from './shutdown'
import { handleStartupFailure, showStartupFailure } from './startup-failure'
import { utilityProcessSpawner } from './utility-process-worker'
import { hardenWebContents, secureSession } from './window-security'
import { WINDOW_STATE_FILE } from './window-state'

/**
 * The Electron entry reads like a table of contents: claim the single instance, secure the
 * session, build the core (or offer recovery), open the window, bridge it, close cleanly.
 */
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs')
/** electron-builder's appId; Windows shows notifications only for an app it can name. */
const APP_ID = 'app.narraforge.desktop'
const renderer = locateRenderer()
let core: Core | undefined
let disconnectBridge: (() => void) | undefined
/** Start-up, from `ready` until the window is open or recovery is offered. */
let starting: Promise<void> = Promise.resolve()
let quitting = false
let closed = false

configureApp()
if (app.requestSingleInstanceLock()) runApp()
else app.quit()

function runApp(): void {
  const dataDir = app.getPath('userData')
  const rootLog = createShellLogger(dataDir, app.isPackaged)
  const log = rootLog.child({ module: 'electron' })
  const shutDown = createShutdown({
    startup: () => starting,
    core: () => core,
    detach() {
      disconnectBridge?.()
      for (const window of BrowserWindow.getAllWindows()) window.hide()
    },
    log,
  })
  const leave = async (after: (outcome: ShutdownOutcome) => void) => {
    quitting = true
    const outcome = await shutDown()
    closed = true
    rootLog.flush?.()
    after(outcome)
  }
  const relaunch = () =>
    void leave(() => {
      app.relaunch()
      app.exit(0)
    })

  // During start-up and on the recovery screen there is no main window; focus what there is.
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0]
    if (window) focusWindow(window)
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, renderer, log))
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    if (closed) return
    event.preventDefault()
    void leave((outcome) => (outcome === 'timed-out' ? app.exit(1) : app.quit()))
  })
  starting = app.whenReady().then(() => start(dataDir, rootLog, log, relaunch))
  starting.catch((error: unknown) => showStartupFailure(error, systemLanguage()))
}

async function start(
  dataDir: string,
  rootLog: Logger,
  log: Logger,
  relaunch: () => void,
): Promise<void> {
  // The system's language until the renderer reports the writer's choice.
  let language = systemLanguage()
  secureSession(session.defaultSession, renderer)
  setMenu(dataDir, language)

  const secrets = createSafeStorageSecretStore(dataDir, log)
  try {
    const spawnWorker = utilityProcessSpawner(rootLog.child({ module: 'workers' }))
    core = await createCore({ mode: 'desktop', dataDir, log: rootLog, secrets, spawnWorker })
  } catch (error) {
    if (quitting) return
    await handleStartupFailure(error, {
      dataDir,
      preload: PRELOAD,
      log,
      language,
      onRecovered: relaunch,
    })
    return
  }
  // Quit was asked for while the core was starting: it is closed, no window opens.
  if (quitting) return

  const vault = createPersistentVault(secrets, log)
  const stateFile = join(dataDir, WINDOW_STATE_FILE)
  const window = openMainWindow({ location: renderer, preload: PRELOAD, stateFile, log })
  disconnectBridge = connectBridge(core, window, vault, {
    language(chosen) {
      if (chosen === language) return
      language = chosen
      setMenu(dataDir, language)
    },
    relaunch,
  })
  watchForCrashes(window, log)
  notifyJobOutcomes(core.events, window, vault, () => SHELL_TEXT[language])
}

/** Must run before `ready` and before the single-instance lock, which is keyed on userData. */
function configureApp(): void {
  // The same override browser mode honours; e2e tests give each run its own folder with it.
  // Electron accepts only absolute paths.
  const dataDir = process.env.NARRAFORGE_DATA_DIR
  if (dataDir) app.setPath('userData', resolve(dataDir))
  if (app.isPackaged)
    process.env.NARRAFORGE_MIGRATIONS_DIR ??= join(process.resourcesPath, 'drizzle')
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
}

/** Call after `ready`: Electron knows the locale only from then on. */
function systemLanguage(): UiLanguage {
  return shellLanguageOf(app.getLocale())
}

function setMenu(dataDir: string, language: UiLanguage): void {
  const template = buildMenuTemplate(process.platform, folderActions(dataDir), SHELL_TEXT[language])
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function folderActions(dataDir: string) {
  return {
    openDataFolder: () => void shell.openPath(dataDir),
    openLogsFolder: () => void shell.openPath(join(dataDir, 'logs')),
  }
}
