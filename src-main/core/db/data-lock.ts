import { randomUUID } from 'node:crypto'
import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
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

export const DATA_LOCK_FILE = 'narraforge.lock'
/**
 * A lock that cannot be read is a claim in progress (by a version that wrote it in place) or
 * the remains of a crash mid-write; only once it is this old is it taken for the second.
 */
const UNREADABLE_GRACE_MS = 5_000
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'])

/**
 * Claims the data folder for this process. Two processes on one PGlite folder both open it
 * without complaint and corrupt it silently, so a second claimant is refused, naming the
 * holder. A lock left by a process that no longer runs is taken over.
 */
export function acquireDataLock(dataDir: string, mode: string): DataLock {
  const file = join(dataDir, DATA_LOCK_FILE)
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    mode,
  }

  for (let attempt = 0; attempt < 3; attempt++) {
    if (claim(file, owner)) return { file, release: () => releaseIfOurs(file) }

    const found = inspect(file)
    if (found.kind === 'gone') continue
    if (found.kind === 'unreadable' && Date.now() - found.modifiedMs < UNREADABLE_GRACE_MS) {
      throw new AppError(
        'conflict',
        `The data folder ${dataDir} is being claimed by another NarraForge process right now. Close it first, or choose another folder with --data-dir.`,
      )
    }
    if (found.kind === 'owned' && isAlive(found.owner)) {
      const holder = found.owner
      throw new AppError(
        'conflict',
        `The data folder ${dataDir} is in use by NarraForge process ${holder.pid} (${holder.mode}, started ${holder.startedAt} on ${holder.host}). Close that one first, or choose another folder with --data-dir.`,
        { details: { holder } },
      )
    }
    removeIfUnchanged(file, found.inode)
  }
  throw new AppError(
    'conflict',
    `Could not claim the data folder ${dataDir}; remove ${file} if no NarraForge is running`,
  )
}

/**
 * Writes the whole lock beside its place, then links it in: `link` fails when the name exists,
 * so the lock appears complete or not at all, and a reader never sees a half-written one.
 */
function claim(file: string, owner: LockOwner): boolean {
  const draft = `${file}.${process.pid}.${randomUUID()}`
  const content = JSON.stringify(owner)
  writeFileSync(draft, content, { mode: 0o600 })
  try {
    linkSync(draft, file)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (!NO_HARD_LINKS.has(code ?? '')) throw error
    return claimInPlace(file, content)
  } finally {
    rmSync(draft, { force: true })
  }
}

/** Where the file system has no hard links (FAT, some network shares): exclusive create. */
function claimInPlace(file: string, content: string): boolean {
  try {
    writeFileSync(file, content, { flag: 'wx', mode: 0o600 })
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

type Inspection =
  | { kind: 'gone' }
  | { kind: 'unreadable'; inode: number; modifiedMs: number }
  | { kind: 'owned'; inode: number; owner: LockOwner }

function inspect(file: string): Inspection {
  let stats
  let text
  try {
    stats = statSync(file)
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' }
    throw error
  }
  const owner = parseOwner(text)
  return owner
    ? { kind: 'owned', inode: stats.ino, owner }
    : { kind: 'unreadable', inode: stats.ino, modifiedMs: stats.mtimeMs }
}

/**
 * Removes a stale lock only if it is still the file that was judged stale: another claimant
 * may have replaced it meanwhile, and that fresh lock must stay.
 */
function removeIfUnchanged(file: string, inode: number): void {
  try {
    if (statSync(file).ino === inode) rmSync(file, { force: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

function releaseIfOurs(file: string): void {
  const found = inspect(file)
  if (found.kind === 'owned' && found.owner.pid === process.pid) rmSync(file, { force: true })
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null
    return typeof value?.pid === 'number' && typeof value.host === 'string'
      ? (value as LockOwner)
      : null
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
