import { parseArgs } from 'node:util'
import { startModelServer } from './model-server'

/**
 * Runs the model server in auto mode as its own process, for e2e tests and benchmarks:
 *
 *   npx tsx src-main/testing/model-server/cli.ts --port 0 --latency-ms 20
 *
 * It prints exactly one line, `model-server listening on http://127.0.0.1:PORT`, which the
 * parent process reads to learn the port, and closes on SIGTERM or SIGINT.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'latency-ms': { type: 'string', default: '0' },
    'words-per-token': { type: 'string', default: '0.5' },
  },
})

const server = await startModelServer({
  port: readNumber('port', values.port),
  host: values.host,
  latencyMs: readNumber('latency-ms', values['latency-ms']),
  wordsPerToken: readNumber('words-per-token', values['words-per-token']),
})

// The parent process reads the URL from this one line on stdout; nothing else goes there.
process.stdout.write(`model-server listening on ${server.url}\n`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0))
  })
}

function readNumber(name: string, text: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0) {
    process.stderr.write(`--${name} must be a non-negative number, got "${text}"\n`)
    process.exit(2)
  }
  return value
}
