import { parseArgs } from 'node:util'
import { defaultDataDir } from './core/config/data-dir'

export interface ServerArgs {
  host: string
  port: number
  dataDir: string
  /** `browser`: a personal copy of the desktop app on loopback; `server`: a shared service. */
  mode: 'browser' | 'server'
}

export interface ParsedServerArgs {
  /** The flags as given, with defaults standing in for any that were wrong. */
  args: ServerArgs
  /** What is wrong with the command line, one problem a flag; empty when nothing is. */
  problems: string[]
}

export const SERVER_USAGE =
  'npm run serve -- [--host H] [--port N] [--data-dir DIR] [--mode server|browser]'

const OPTIONS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '8765' },
  'data-dir': { type: 'string' },
  mode: { type: 'string', default: 'server' },
} as const
const FLAG_LIST = Object.keys(OPTIONS)
  .map((name) => `--${name}`)
  .join(', ')

/**
 * Reads the command line of the headless server. Bad flags are collected rather than thrown,
 * so the server can report them in one round with any problems in the settings.
 */
export function parseServerArgs(argv: string[]): ParsedServerArgs {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const problems: string[] = []
  for (const token of tokens) {
    if (token.kind === 'option' && !(token.name in OPTIONS)) {
      problems.push(`${token.rawName}: unknown flag; the flags are ${FLAG_LIST}`)
    }
  }
  for (const word of positionals) {
    problems.push(`${word}: unexpected argument; flags take the form --name value`)
  }

  const text = (name: keyof typeof OPTIONS): string | undefined => {
    const value = values[name]
    if (typeof value === 'string') return value
    if (value !== undefined) problems.push(`--${name}: needs a value`)
    return undefined
  }
  const host = text('host') ?? OPTIONS.host.default
  const portText = text('port') ?? OPTIONS.port.default
  const dataDir = text('data-dir') ?? defaultDataDir()
  const modeText = text('mode') ?? OPTIONS.mode.default

  let port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65_535) {
    problems.push('--port: must be a whole number from 0 to 65535 (0 takes any free port)')
    port = Number(OPTIONS.port.default)
  }
  let mode: ServerArgs['mode'] = 'server'
  if (modeText === 'server' || modeText === 'browser') mode = modeText
  else problems.push('--mode: must be server or browser')

  return { args: { host, port, dataDir, mode }, problems }
}
