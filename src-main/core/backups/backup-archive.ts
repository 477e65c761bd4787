import { gunzipSync } from 'node:zlib'
import { AppError } from '../errors/app-error'

const BLOCK = 512
/** Files every PostgreSQL data folder has; a tarball without them is not a database. */
const REQUIRED_ENTRIES = ['PG_VERSION', 'global/pg_control']

/**
 * Unpacks a backup's gzip layer and checks that the tarball inside holds a PostgreSQL data
 * folder. PGlite must never see anything else: random bytes make its gunzip stream throw
 * outside any promise (an uncaught exception that ends the process), and an unrelated tarball
 * makes it initialise an empty database that would pass for a restore. Returns the plain tar,
 * which `loadDataDir` accepts as well.
 */
export function openBackupArchive(compressed: Buffer, label: string): Buffer {
  let tar: Buffer
  try {
    tar = gunzipSync(compressed)
  } catch (error) {
    throw new AppError(
      'validation',
      `${label} is not a gzip file; it cannot be a NarraForge backup`,
      {
        cause: error,
      },
    )
  }

  const entries = listTarEntries(tar, label)
  const missing = REQUIRED_ENTRIES.filter((name) => !entries.has(name))
  if (missing.length > 0) {
    throw new AppError(
      'validation',
      `${label} does not hold a database (missing ${missing.join(', ')})`,
    )
  }
  return tar
}

/** Names of the entries in a tarball, without leading `/` or `./`. */
export function listTarEntries(tar: Buffer, label: string): Set<string> {
  const names = new Set<string>()
  let longName: string | null = null
  for (let offset = 0; offset + BLOCK <= tar.length;) {
    const header = tar.subarray(offset, offset + BLOCK)
    if (header.every((byte) => byte === 0)) break
    if (!hasValidChecksum(header))
      throw new AppError('validation', `${label} is not a valid tar archive`)

    const size = readOctal(header, 124, 12)
    const type = String.fromCharCode(header[156] ?? 0)
    const dataStart = offset + BLOCK
    if (type === 'L') {
      // A GNU long name: the entry's data is the name of the entry that follows.
      longName = readString(tar, dataStart, size)
    } else {
      const prefix =
        header.subarray(257, 262).toString('latin1') === 'ustar' ? readString(header, 345, 155) : ''
      const name =
        longName ??
        (prefix ? `${prefix}/${readString(header, 0, 100)}` : readString(header, 0, 100))
      names.add(name.replace(/^(\.?\/)+/, '').replace(/\/$/, ''))
      longName = null
    }
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK
  }
  return names
}

function hasValidChecksum(header: Buffer): boolean {
  const stored = readOctal(header, 148, 8)
  let sum = 0
  // The checksum field itself counts as eight spaces.
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!
  return stored === sum
}

function readOctal(buffer: Buffer, start: number, length: number): number {
  const text = readString(buffer, start, length).trim()
  return text ? Number.parseInt(text, 8) : 0
}

function readString(buffer: Buffer, start: number, length: number): string {
  const bytes = buffer.subarray(start, start + length)
  const end = bytes.indexOf(0)
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8')
}
