import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { SECRETS_FOLDER } from '../secrets/file-secret-store'
import type { SecretStore } from '../secrets/secret-store'

/** The generated secret's name in the secret store. */
export const JWT_SECRET_NAME = 'jwt-signing-key'
/** Where versions before the secret store wrote it, as plain text. */
const LEGACY_JWT_SECRET_FILE = 'jwt-secret'

const MIN_LENGTH = 32
/** Shannon estimate over the characters used; 32 random hex characters score about 120. */
const MIN_ENTROPY_BITS = 96
const MIN_DISTINCT_CHARACTERS = 10

/** Values seen in templates and in the predecessor's examples; matched as substrings. */
const WEAK_FRAGMENTS = [
  'changeme',
  'change-me',
  'change_me',
  'change-this',
  'change_this',
  'secret',
  'placeholder',
  'example',
  'password',
  'default',
]
const WEAK_EXACT = ['jwt', 'test', 'dev']
/** Rows of a QWERTY keyboard; walking along one is as guessable as counting. */
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm']
/** Above this share of characters that follow their neighbour (abc, 321, qwe) it is a walk. */
const MAX_WALK_SHARE = 0.4
/** A run of this many characters each following the previous one is refused on its own. */
const MAX_WALK_RUN = 8
/** A secret whose characters mostly repeat those one period earlier is a repeated unit. */
const MAX_PERIODIC_SHARE = 0.75

const GENERATE = 'generate one with `openssl rand -hex 32`'

/** Returns why a provided JWT secret is unfit, or null when it will do. */
export function findJwtSecretProblem(secret: string): string | null {
  const lower = secret.toLowerCase()
  if (secret.length < MIN_LENGTH) {
    return `has ${secret.length} characters; use at least ${MIN_LENGTH}, for example the output of \`openssl rand -hex 32\``
  }
  if (WEAK_EXACT.includes(lower) || WEAK_FRAGMENTS.some((f) => lower.includes(f))) {
    return 'is a known placeholder value; generate a random one with `openssl rand -hex 32`'
  }
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS) {
    return `is too predictable (too few distinct characters); ${GENERATE}`
  }
  const period = shortestPeriod(secret)
  if (period !== null) {
    return `is too predictable (it repeats a ${period}-character pattern); ${GENERATE}`
  }
  if (isKeyboardOrAlphabetWalk(secret)) {
    return `is too predictable (runs such as abcd, 4321 or qwerty); ${GENERATE}`
  }
  if (estimateEntropyBits(secret) < MIN_ENTROPY_BITS) {
    return `is too predictable (too little variety in its characters); ${GENERATE}`
  }
  return null
}

/**
 * The secret generated for this data folder, kept in the secret store (the OS keychain on the
 * desktop, an owner-only file elsewhere) and created on first run. Folders from before the
 * store kept it as a plain file; that value is moved into the store, so sessions survive.
 */
export function loadOrCreateJwtSecret(store: SecretStore, dataDir: string): string {
  const stored = store.get(JWT_SECRET_NAME)?.trim()
  if (stored) return stored

  const legacy = join(dataDir, SECRETS_FOLDER, LEGACY_JWT_SECRET_FILE)
  const previous = existsSync(legacy) ? readFileSync(legacy, 'utf8').trim() : ''
  const secret = previous || randomBytes(48).toString('base64url')
  store.set(JWT_SECRET_NAME, secret)
  rmSync(legacy, { force: true })
  return secret
}

function estimateEntropyBits(value: string): number {
  const counts = new Map<string, number>()
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let perChar = 0
  for (const n of counts.values()) {
    const p = n / value.length
    perChar -= p * Math.log2(p)
  }
  return perChar * value.length
}

/**
 * The shortest unit the secret repeats: the smallest shift at which most characters equal the
 * one that many places earlier. Random text matches at any shift only by chance (1 in 16 for
 * hex), so three quarters is far from anything a generator produces.
 */
function shortestPeriod(value: string): number | null {
  for (let shift = 1; shift <= value.length / 2; shift++) {
    let same = 0
    for (let i = shift; i < value.length; i++) if (value[i] === value[i - shift]) same++
    if (same / (value.length - shift) >= MAX_PERIODIC_SHARE) return shift
  }
  return null
}

/**
 * Whether the secret walks: many characters are the next or previous code point after their
 * neighbour (abcd, 4321, ABC) or the next key on the same keyboard row (qwer, asdf, 7890).
 */
function isKeyboardOrAlphabetWalk(value: string): boolean {
  let steps = 0
  let run = 0
  for (let i = 1; i < value.length; i++) {
    if (followsOn(value[i - 1]!, value[i]!)) {
      steps++
      run++
      if (run + 1 >= MAX_WALK_RUN) return true
    } else {
      run = 0
    }
  }
  return steps / (value.length - 1) > MAX_WALK_SHARE
}

function followsOn(previous: string, current: string): boolean {
  if (Math.abs(current.charCodeAt(0) - previous.charCodeAt(0)) === 1) return true
  const a = previous.toLowerCase()
  const b = current.toLowerCase()
  return KEYBOARD_ROWS.some((row) => {
    const at = row.indexOf(a)
    return at >= 0 && (row[at + 1] === b || row[at - 1] === b)
  })
}
