import { join } from 'node:path'
import { app, Menu, session, shell, type BrowserWindow } from 'electron'
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
import { handleStartupFailure, showStartupFailure } from './startup-failure'
import { utilityProcessSpawner } from './utility-process-worker'
import { hardenWebContents, secureSession } from './window-security'
import { WINDOW_STATE_FILE } from './window-state'

/**
 * The Electron entry reads like a table of contents: claim the single instance, secure the
 * session, build the core (or offer recovery), open the window, bridge it, close cleanly.
 */
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs')
const renderer = locateRenderer()
let core: Core | undefined
let mainWindow: BrowserWindow | undefined

configurePaths()
if (app.requestSingleInstanceLock()) runApp()
else app.quit()

function runApp(): void {
  const dataDir = app.getPath('userData')
  const rootLog = createShellLogger(dataDir, app.isPackaged)
  const log = rootLog.child({ module: 'electron' })

  app.on('second-instance', () => mainWindow && focusWindow(mainWindow))
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, renderer, log))
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    if (!core) return
    event.preventDefault()
    const closing = core
    core = undefined
    void closing
      .close()
      .catch((error: unknown) => log.error({ err: error }, 'core did not close cleanly'))
      .finally(() => app.quit())
  })
  app
    .whenReady()
    .then(() => start(dataDir, rootLog, log))
    .catch((error: unknown) => showStartupFailure(error, systemLanguage()))
}

async function start(dataDir: string, rootLog: Logger, log: Logger): Promise<void> {
  // The system's language until the renderer reports the writer's choice.
  let language = systemLanguage()
  secureSession(session.defaultSession, renderer)
  setMenu(dataDir, language)

  const secrets = createSafeStorageSecretStore(dataDir, log)
  try {
    const spawnWorker = utilityProcessSpawner(rootLog.child({ module: 'workers' }))
    core = await createCore({ mode: 'desktop', dataDir, log: rootLog, secrets, spawnWorker })
  } catch (error) {
    await handleStartupFailure(error, {
      dataDir,
      preload: PRELOAD,
      log,
      language,
      onRecovered: restart,
    })
    return
  }

  const vault = createPersistentVault(secrets, log)
  const stateFile = join(dataDir, WINDOW_STATE_FILE)
  mainWindow = openMainWindow({ location: renderer, preload: PRELOAD, stateFile, log })
  connectBridge(core, mainWindow, vault, (chosen) => {
    if (chosen === language) return
    language = chosen
    setMenu(dataDir, language)
  })
  watchForCrashes(mainWindow, log)
  notifyJobOutcomes(core.events, mainWindow, vault, () => SHELL_TEXT[language])
}

/** Must run before `ready` and before the single-instance lock, which is keyed on userData. */
function configurePaths(): void {
  // The same override browser mode honours; e2e tests give each run its own folder with it.
  if (process.env.NARRAFORGE_DATA_DIR) app.setPath('userData', process.env.NARRAFORGE_DATA_DIR)
  if (app.isPackaged)
    process.env.NARRAFORGE_MIGRATIONS_DIR ??= join(process.resourcesPath, 'drizzle')
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

/** After a recovery action: start over on the repaired folder with a fresh engine. */
function restart(): void {
  app.relaunch()
  app.exit(0)
}
