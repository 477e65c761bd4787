import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  openDataFolder(): void
  openLogsFolder(): void
}

/**
 * The application menu from Electron's standard roles, so every platform gets its usual
 * items and shortcuts (Cmd/Ctrl+C, +Q, +W, +R, zoom, full screen). macOS puts the app's own
 * menu first; Help adds the two folders a writer may be asked for when reporting a problem.
 */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      { label: 'Open Logs Folder', click: () => actions.openLogsFolder() },
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
