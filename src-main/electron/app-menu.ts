import type { MenuItemConstructorOptions } from 'electron'
import { SHELL_TEXT, type ShellText } from './shell-text'

export interface MenuActions {
  openDataFolder(): void
  openLogsFolder(): void
}

/**
 * The application menu from Electron's standard roles, so every platform gets its usual
 * items and shortcuts (Cmd/Ctrl+C, +Q, +W, +R, zoom, full screen). macOS puts the app's own
 * menu first; Help adds the two folders a writer may be asked for when reporting a problem.
 * Role items keep the labels Electron gives them; Help's own two items follow `text`, which
 * defaults to English.
 */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
  text: ShellText = SHELL_TEXT.en,
): MenuItemConstructorOptions[] {
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: text.menu.openDataFolder, click: () => actions.openDataFolder() },
      { label: text.menu.openLogsFolder, click: () => actions.openLogsFolder() },
    ],
  }
  const standard: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    help,
  ]
  return platform === 'darwin' ? [{ role: 'appMenu' }, ...standard] : standard
}
