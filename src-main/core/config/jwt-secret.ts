import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

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
  'your-secret',
  'your_secret',
  'yoursecret',
  'secret-key',
  'secret_key',
  'secretkey',
  'placeholder',
  'example',
  'password',
  'default',
]
const WEAK_EXACT = ['secret', 'changeme', 'jwt', 'test', 'dev']

/** Returns why a provided JWT secret is unfit, or null when it will do. */
export function findJwtSecretProblem(secret: string): string | null {
  const lower = secret.toLowerCase()
  if (secret.length < MIN_LENGTH) {
    return `has ${secret.length} characters; use at least ${MIN_LENGTH}, for example the output of \`openssl rand -hex 32\``
  }
  if (WEAK_EXACT.includes(lower) || WEAK_FRAGMENTS.some((f) => lower.includes(f))) {
    return 'is a known placeholder value; generate a random one with `openssl rand -hex 32`'
  }
  const distinct = new Set(secret).size
  if (distinct < MIN_DISTINCT_CHARACTERS || estimateEntropyBits(secret) < MIN_ENTROPY_BITS) {
    return 'is too predictable (too few distinct characters); generate one with `openssl rand -hex 32`'
  }
  return null
}

/**
 * Reads the generated secret from the data folder, creating it on first run. The file is
 * readable by its owner only.
 */
export function loadOrCreateJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'secrets', 'jwt-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()

  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  chmodSync(file, 0o600)
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
