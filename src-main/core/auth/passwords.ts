import { hash, verify } from '@node-rs/argon2'

/** argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane): about 13 ms here. */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** A real hash of a random string, so unknown emails cost as much as wrong passwords. */
let decoyHash: Promise<string> | undefined

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    decoyHash ??= hashPassword(`decoy-${Math.random()}`)
    await verify(await decoyHash, password).catch(() => false)
    return false
  }
  return verify(storedHash, password).catch(() => false)
}
