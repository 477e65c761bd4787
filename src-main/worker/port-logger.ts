import pino, { type Logger } from 'pino'
import type { FromWorker } from '@shared/contracts/worker-protocol'
import { REDACTED_PATHS } from '../core/logging/logger'

type LogMessage = Extract<FromWorker, { type: 'log' }>

const LEVELS: Record<number, LogMessage['level']> = {
  10: 'debug',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'error',
}

/**
 * A pino logger whose lines become `{ type: 'log' }` messages to the main process, which
 * relays them into the main log under the worker's name. The provider layer takes a pino
 * logger; secrets are redacted before a line leaves the worker.
 */
export function createPortLogger(send: (message: LogMessage) => void, level = 'debug'): Logger {
  const destination = {
    write(line: string) {
      const {
        level: number,
        msg,
        time: _time,
        pid: _pid,
        hostname: _host,
        ...data
      } = JSON.parse(line) as Record<string, unknown>
      send({
        type: 'log',
        level: LEVELS[Number(number)] ?? 'info',
        msg: typeof msg === 'string' ? msg : '',
        data,
      })
    },
  }
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination)
}
