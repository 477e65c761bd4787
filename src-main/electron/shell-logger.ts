import { join } from 'node:path'
import { createLogger, type Logger } from '../core/logging/logger'

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal'])

/**
 * The desktop app's one root logger, made before the core so that the keychain, the worker
 * processes and a failed start log to the same `<userData>/logs` as the core does. The level
 * comes from LOG_LEVEL or DEBUG in the environment.
 */
export function createShellLogger(dataDir: string, packaged: boolean, env = process.env): Logger {
  const wanted = env.LOG_LEVEL?.toLowerCase()
  const debug = env.DEBUG === 'true' || env.DEBUG === '1'
  const level = wanted && LEVELS.has(wanted) ? wanted : debug ? 'debug' : 'info'
  return createLogger({ logDir: join(dataDir, 'logs'), level, pretty: !packaged })
}
