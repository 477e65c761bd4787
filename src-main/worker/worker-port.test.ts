import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { openWorkerPort } from './worker-port'

describe('openWorkerPort', () => {
  it("uses Electron's parentPort in a utility process", () => {
    const parent = Object.assign(new EventEmitter(), { postMessage: vi.fn() })
    const proc = Object.assign(new EventEmitter(), { parentPort: parent, connected: false })
    const port = openWorkerPort(proc as never)
    const received: unknown[] = []
    port.onMessage((m) => received.push(m))

    parent.emit('message', { data: { type: 'shutdown' } })
    port.send({ type: 'ready', pid: 1 })

    expect(received).toEqual([{ type: 'shutdown' }])
    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'ready', pid: 1 })
  })

  it("uses Node's IPC channel in a child process and waits for sends to finish", async () => {
    const callbacks: (() => void)[] = []
    const send = vi.fn((_m: unknown, _h: unknown, _o: unknown, done: () => void) => {
      callbacks.push(done)
      return true
    })
    const proc = Object.assign(new EventEmitter(), { send, connected: true })
    const port = openWorkerPort(proc as never)
    const closed = vi.fn()
    port.onClose(closed)

    port.send({ type: 'heartbeat', jobId: null })
    let flushed = false
    const flushing = port.flush().then(() => (flushed = true))
    await Promise.resolve()
    expect(flushed).toBe(false)
    callbacks.forEach((done) => done())
    await flushing

    proc.emit('disconnect')
    expect(send.mock.calls[0]?.[0]).toEqual({ type: 'heartbeat', jobId: null })
    expect(closed).toHaveBeenCalled()
  })

  it('drops messages once the channel is closed', () => {
    const send = vi.fn()
    const port = openWorkerPort(
      Object.assign(new EventEmitter(), { send, connected: false }) as never,
    )
    port.send({ type: 'heartbeat', jobId: null })
    expect(send).not.toHaveBeenCalled()
  })

  it('refuses to start without a channel to the parent', () => {
    expect(() => openWorkerPort(new EventEmitter() as never)).toThrow(/no channel/)
  })
})
