import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  renderAnthropicMessage,
  renderAnthropicModels,
  renderAnthropicStream,
} from './anthropic-wire'
import { renderOpenAiCompletion, renderOpenAiModels, renderOpenAiStream } from './openai-wire'
import { planAnswer, readGenerationRequest, type WireApi } from './plan-answer'
import { detectApi, flattenHeaders, lastUserText, parseBody, readBody, sendError } from './http-io'
import { writeJson, writeSse } from './sse-writer'
import type { ModelServerStep } from './steps'

export interface ModelServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  /** Auto-mode prose length: words = round(max_tokens × wordsPerToken), at most 4,000. */
  wordsPerToken?: number
  /** Added before every auto-mode answer, to give benchmarks a realistic network. */
  latencyMs?: number
}

/** A request as the server received it, for assertions. */
export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string>
  /** The parsed JSON body; undefined for GET or a body that is not JSON. */
  body: Record<string, unknown> | undefined
  api: WireApi
  /** Text of the last user message, to check what the client actually asked. */
  prompt: string
  /** When the request arrived (`performance.now()`), to check waits between retries. */
  receivedAt: number
}

/** A running fake of the OpenAI and Anthropic HTTP APIs. */
export interface ModelServer {
  url: string
  /** Pass as `baseURL` to `new OpenAI(...)` (it ends in `/v1`). */
  openaiBaseUrl: string
  /** Pass as `baseURL` to `new Anthropic(...)` (the SDK adds `/v1` itself). */
  anthropicBaseUrl: string
  /** Queues answers for the next generation requests; auto mode resumes when they run out. */
  script(...steps: ModelServerStep[]): void
  readonly requests: RecordedRequest[]
  /** Scripted steps not consumed yet. */
  readonly pendingSteps: number
  /** Forgets scripted steps and recorded requests, and brings the server back up. */
  reset(): void
  /** While down, every request (including `/v1/models`) answers 503. */
  setDown(down: boolean): void
  close(): Promise<void>
}

/**
 * Starts the fake model server on 127.0.0.1.
 *
 * @example
 * const server = await startModelServer()
 * server.script(reply.error(429, { retryAfter: '2' }), reply.json({ title: 'Ash' }))
 * const client = new OpenAI({ apiKey: 'test', baseURL: server.openaiBaseUrl, maxRetries: 0 })
 */
export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const steps: ModelServerStep[] = []
  const requests: RecordedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()
  const auto = { wordsPerToken: options.wordsPerToken ?? 0.5, latencyMs: options.latencyMs ?? 0 }
  let down = false

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => (timers.delete(timer), resolve()), ms)
      timers.add(timer)
    })

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://model-server').pathname.replace(/\/+$/, '')
    const body = parseBody(await readBody(req))
    const api = detectApi(path, req)
    requests.push({
      method: req.method ?? 'GET',
      path,
      headers: flattenHeaders(req),
      body,
      api,
      prompt: lastUserText(body),
      receivedAt: performance.now(),
    })

    if (down) return sendError(res, api, 503)
    if (req.method === 'GET' && path === '/v1/models') {
      return writeJson(
        res,
        200,
        api === 'anthropic' ? renderAnthropicModels() : renderOpenAiModels(),
      )
    }
    const isGeneration = path === '/v1/chat/completions' || path === '/v1/messages'
    if (req.method !== 'POST' || !isGeneration) return sendError(res, api, 404, `No route ${path}`)
    if (!body) return sendError(res, api, 400, 'The body must be a JSON object')

    const request = readGenerationRequest(api, body)
    const plan = planAnswer(request, steps.shift(), auto)
    if (plan.delayMs > 0) await wait(plan.delayMs)
    if (plan.kind === 'error') return sendError(res, api, plan.status, plan.message, plan)

    const { answer, interrupt } = plan
    if (request.stream) {
      const render = api === 'anthropic' ? renderAnthropicStream : renderOpenAiStream
      return writeSse(res, render(request, answer), interrupt)
    }
    // Without a stream there is nothing to cut mid-way: a stall never answers, a drop hangs up.
    if (interrupt?.mode === 'drop') return void req.socket.destroy()
    if (interrupt?.mode === 'stall') return
    const render = api === 'anthropic' ? renderAnthropicMessage : renderOpenAiCompletion
    writeJson(res, 200, render(request, answer))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 'openai', 500, String(error))
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port, address } = server.address() as AddressInfo
  const url = `http://${address}:${port}`

  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    anthropicBaseUrl: url,
    requests,
    get pendingSteps() {
      return steps.length
    },
    script: (...next) => void steps.push(...next),
    reset: () => {
      steps.length = 0
      requests.length = 0
      down = false
    },
    setDown: (value) => void (down = value),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
