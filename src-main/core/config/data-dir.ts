import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_FOLDER = 'NarraForge'

/**
 * The default data folder: the same place Electron's `userData` points to, so the desktop app
 * and browser mode open the same library. `NARRAFORGE_DATA_DIR` overrides it.
 */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  if (env.NARRAFORGE_DATA_DIR) return env.NARRAFORGE_DATA_DIR
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
  }
}
