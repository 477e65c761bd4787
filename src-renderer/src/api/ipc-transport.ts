import type { BridgeResponse, NarraForgeBridge } from '@shared/contracts/bridge'
import type { Transport, TransportRequest, TransportResponse } from './transport'

/**
 * Electron: the preload forwards the request to the core in the main process, which keeps the
 * refresh token itself; the renderer sends `{}` to refresh and logout.
 */
export function createIpcTransport(bridge: NarraForgeBridge): Transport {
  return {
    kind: 'ipc',
    async send(request: TransportRequest): Promise<TransportResponse> {
      const response = await bridge.request(request)
      return toTransportResponse(response)
    },
    sessionHeaders: () => ({}),
    mayHaveSession: () => true,
  }
}

export function toTransportResponse(response: BridgeResponse): TransportResponse {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = value
  const contentType = headers['content-type'] ?? 'application/octet-stream'
  return {
    status: response.status,
    headers,
    text: async () =>
      response.encoding === 'base64'
        ? new TextDecoder().decode(decodeBase64(response.body))
        : response.body,
    blob: async () =>
      new Blob([response.encoding === 'base64' ? decodeBase64(response.body) : response.body], {
        type: contentType,
      }),
  }
}

function decodeBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
