import { describe, expect, it } from 'vitest'
import { parseServerArgs } from './server-args'

describe('the server command line', () => {
  it('reads host, port, data folder and mode', () => {
    const { args, problems } = parseServerArgs([
      '--host',
      '0.0.0.0',
      '--port=0',
      '--data-dir',
      '/srv/narraforge',
      '--mode',
      'browser',
    ])

    expect(problems).toEqual([])
    expect(args).toEqual({ host: '0.0.0.0', port: 0, dataDir: '/srv/narraforge', mode: 'browser' })
  })

  it('collects every bad flag instead of stopping at the first', () => {
    const { args, problems } = parseServerArgs([
      '--port',
      '80a',
      '--mode',
      'cluster',
      '--verbose',
      'extra',
      '--host',
    ])

    expect(problems).toEqual([
      expect.stringMatching(/^--verbose: unknown flag; the flags are --host, --port/),
      expect.stringMatching(/^extra: unexpected argument/),
      '--host: needs a value',
      '--port: must be a whole number from 0 to 65535 (0 takes any free port)',
      '--mode: must be server or browser',
    ])
    expect(args).toMatchObject({ host: '127.0.0.1', port: 8765, mode: 'server' })
  })

  it('refuses ports outside 0–65535 and fractions', () => {
    for (const port of ['65536', '-1', '1.5', '']) {
      expect(parseServerArgs(['--port', port]).problems, port).toEqual([
        expect.stringMatching(/^--port: must be a whole number/),
      ])
    }
  })
})
