import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { locateMigrations } from '../db/migrations'
import { DB_FOLDER } from '../db/open-database'
import { isAppError } from '../errors/app-error'
import { probeDataFolder } from './probe-data-folder'

/** What the writer is shown when the core did not start. */
export type StartupDecision =
  /** The recovery screen: restore the newest good backup, or start fresh keeping the old data. */
  | { action: 'recover'; detail: string }
  /** A plain message; nothing in the data folder would be helped by a restore. */
  | { action: 'explain'; message: string }

/**
 * Chooses between the recovery screen and a plain message after a failed start. Bad settings
 * and a folder held by another NarraForge explain themselves. Any other failure with a
 * database in the folder (damaged files, a migration that broke, an engine that would not
 * start) offers recovery, since a backup taken before the last migration may be the way back.
 */
export async function decideAfterFailedStart(
  error: unknown,
  dataDir: string,
  migrationsDir?: string,
): Promise<StartupDecision> {
  const message = messageOf(error)
  if (isAppError(error) && (error.kind === 'configuration' || error.kind === 'conflict'))
    return { action: 'explain', message }
  if (!hasDatabase(dataDir)) return { action: 'explain', message }

  let state
  try {
    state = await probeDataFolder(dataDir, locateMigrations(migrationsDir))
  } catch (probeError) {
    // The folder cannot even be locked or the app's files are missing: recovery could not act.
    return { action: 'explain', message: `${message}\n${messageOf(probeError)}` }
  }
  if (state.status === 'locked') return { action: 'explain', message: state.detail }
  // A damaged database says best what is wrong; a readable one failed for the error's reason.
  return { action: 'recover', detail: state.status === 'corrupt' ? state.detail : message }
}

function hasDatabase(dataDir: string): boolean {
  const dbDir = join(dataDir, DB_FOLDER)
  return existsSync(dbDir) && readdirSync(dbDir).length > 0
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
