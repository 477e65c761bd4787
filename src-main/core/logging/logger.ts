import { chmodSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import pino, { type Logger } from 'pino'

export type { Logger }

export interface LoggerOptions {
  /** Folder for rotated JSON logs; without it logs go to the console only. */
  logDir?: string
  level?: string
  /** Human-readable console output (development); JSON otherwise. */
  pretty?: boolean
  /** Silence the console entirely (tests). */
  quiet?: boolean
}

/** Names whose values never reach a log line, wherever they sit in a logged object. */
const SECRET_NAMES = [
  'password',
  'new_password',
  'current_password',
  'token',
  'access_token',
  'refresh_token',
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'apiKey',
  'api_key',
  'jwtSecret',
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'LOCAL_MODEL_API_KEY',
  'JWT_SECRET_KEY',
]
/**
 * How many objects deep a secret is still found: `err.request.options.headers.authorization`
 * from a provider SDK is four. pino matches each wildcard to exactly one level, so every depth
 * is listed.
 */
const REDACT_DEPTH = 4

/** The redaction paths for pino, every secret name at every depth up to REDACT_DEPTH. */
export const REDACTED_PATHS = SECRET_NAMES.flatMap((name) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`
  return Array.from({ length: REDACT_DEPTH + 1 }, (_, depth) =>
    depth === 0 ? key.replace(/^\./, '') : `*${'.*'.repeat(depth - 1)}${key}`,
  )
})

/** Builds the application's single root logger; modules take `log.child({ module })`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info'
  const targets: pino.TransportTargetOptions[] = []

  if (!options.quiet) {
    targets.push(
      options.pretty
        ? { target: 'pino-pretty', level, options: { colorize: true, destination: 2 } }
        : { target: 'pino/file', level, options: { destination: 2 } },
    )
  }
  if (options.logDir) {
    makePrivateLogDir(options.logDir)
    targets.push({
      target: 'pino-roll',
      level,
      options: {
        file: join(options.logDir, 'narraforge'),
        extension: '.log',
        frequency: 'daily',
        size: '10m',
        limit: { count: 7 },
        mkdir: true,
        // Log lines name users and projects; like the data folder, only its owner reads them.
        mode: 0o600,
      },
    })
  }

  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' }
  if (targets.length === 0) return pino({ level, redact, enabled: false })
  return pino({ level, redact }, pino.transport({ targets }))
}

/** Makes the log folder owner-only, and the files an older version left readable by all. */
function makePrivateLogDir(logDir: string): void {
  mkdirSync(logDir, { recursive: true, mode: 0o700 })
  chmodSync(logDir, 0o700)
  for (const entry of readdirSync(logDir, { withFileTypes: true })) {
    if (entry.isFile()) chmodSync(join(logDir, entry.name), 0o600)
  }
}

/** A logger that records nothing, for unit tests that do not look at logs. */
export function createSilentLogger(): Logger {
  return pino({ enabled: false })
}
