import { describe, expect, it } from 'vitest'
import type { BridgeRequest, NarraForgeBridge } from '@shared/contracts/bridge'
import { createIpcTransport, toTransportResponse } from './ipc-transport'

describe('ipc transport', () => {
  it('forwards the request as it is and sends no session headers', async () => {
    const seen: BridgeRequest[] = []
    const bridge: NarraForgeBridge = {
      kind: 'electron',
      request: async (request) => {
        seen.push(request)
        return {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
          encoding: 'utf8',
        }
      },
      onEvent: () => () => {},
      setLanguage: () => {},
      relaunch: async () => {},
    }
    const transport = createIpcTransport(bridge)
    const response = await transport.send({
      method: 'GET',
      path: '/api/projects',
      headers: { A: '1' },
    })

    expect(seen).toEqual([{ method: 'GET', path: '/api/projects', headers: { A: '1' } }])
    expect(response.headers['content-type']).toBe('application/json')
    expect(transport.sessionHeaders()).toEqual({})
  })

  it('turns base64 bodies back into bytes for downloads', async () => {
    const bytes = new TextEncoder().encode('Złota godzina')
    const body = btoa(String.fromCharCode(...bytes))
    const response = toTransportResponse({
      status: 200,
      headers: { 'content-type': 'application/epub+zip' },
      body,
      encoding: 'base64',
    })

    const blob = await response.blob()
    expect(blob.type).toBe('application/epub+zip')
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes)
    expect(await response.text()).toBe('Złota godzina')
  })
})
