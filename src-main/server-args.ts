import { parseArgs } from 'node:util'
import { AppError } from './core/errors/app-error'
import { defaultDataDir } from './core/config/data-dir'

export interface ServerArgs {
  host: string
  port: number
  dataDir: string
  /** `browser`: a personal copy of the desktop app on loopback; `server`: a shared service. */
  mode: 'browser' | 'server'
}

const USAGE = 'npm run serve -- [--host H] [--port N] [--data-dir DIR] [--mode server|browser]'

/** Reads the command line of the headless server; bad flags are a clear error, not a guess. */
export function parseServerArgs(argv: string[]): ServerArgs {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8765' },
        'data-dir': { type: 'string' },
        mode: { type: 'string', default: 'server' },
      },
      strict: true,
    }).values
  } catch (error) {
    throw new AppError('configuration', `${(error as Error).message}\nUsage: ${USAGE}`)
  }

  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new AppError(
      'configuration',
      `--port must be a whole number from 0 to 65535 (0 takes any free port)\nUsage: ${USAGE}`,
    )
  }
  if (values.mode !== 'server' && values.mode !== 'browser') {
    throw new AppError('configuration', `--mode must be server or browser\nUsage: ${USAGE}`)
  }
  return {
    host: values.host!,
    port,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    mode: values.mode,
  }
}
