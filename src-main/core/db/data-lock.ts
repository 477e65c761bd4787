import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../errors/app-error'

export interface DataLock {
  readonly file: string
  release(): void
}

interface LockOwner {
  pid: number
  host: string
  startedAt: string
  mode: string
}

const LOCK_FILE = 'narraforge.lock'

/**
 * Claims the data folder for this process. Two processes on one PGlite folder both open it
 * without complaint and corrupt it silently, so a second claimant is refused, naming the
 * holder. A lock left by a process that no longer runs is taken over.
 */
export function acquireDataLock(dataDir: string, mode: string): DataLock {
  const file = join(dataDir, LOCK_FILE)
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    mode,
  }

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, JSON.stringify(owner))
      closeSync(fd)
      return { file, release: () => releaseIfOurs(file) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readOwner(file)
      if (holder && isAlive(holder)) {
        throw new AppError(
          'conflict',
          `The data folder ${dataDir} is in use by NarraForge process ${holder.pid} (${holder.mode}, started ${holder.startedAt} on ${holder.host}). Close that one first, or choose another folder with --data-dir.`,
          { details: { holder } },
        )
      }
      rmSync(file, { force: true })
    }
  }
  throw new AppError(
    'conflict',
    `Could not claim the data folder ${dataDir}; remove ${file} if no NarraForge is running`,
  )
}

function releaseIfOurs(file: string): void {
  const holder = readOwner(file)
  if (holder?.pid === process.pid) rmSync(file, { force: true })
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner
  } catch {
    return null
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another machine (shared folder) cannot be checked, so it is respected.
  if (owner.host !== hostname()) return true
  if (owner.pid === process.pid) return true
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
