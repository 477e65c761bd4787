import { mkdirSync } from 'node:fs'
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

/**
 * Paths whose values never reach a log line. pino matches them at any of these depths, which
 * covers request bodies, settings objects and provider errors.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'new_password',
  '*.new_password',
  'token',
  '*.token',
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  'apiKey',
  '*.apiKey',
  '*.*.apiKey',
  'jwtSecret',
  '*.jwtSecret',
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'JWT_SECRET_KEY',
  '*.OPENAI_API_KEY',
  '*.ANTHROPIC_API_KEY',
  '*.JWT_SECRET_KEY',
]

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
    mkdirSync(options.logDir, { recursive: true })
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
      },
    })
  }

  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' }
  if (targets.length === 0) return pino({ level, redact, enabled: false })
  return pino({ level, redact }, pino.transport({ targets }))
}

/** A logger that records nothing, for unit tests that do not look at logs. */
export function createSilentLogger(): Logger {
  return pino({ enabled: false })
}
