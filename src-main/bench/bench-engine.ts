import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { BriefInput } from '@shared/contracts/jobs'
import { createCore, type Core } from '../core/create-core'
import { createSilentLogger } from '../core/logging/logger'
import { childProcessSpawner } from '../core/workers/child-process-worker'

const BRIEF: BriefInput = {
  title: 'Bench',
  form: 'short_story',
  genre: 'drama',
  premise: 'A lighthouse keeper waits for a ship that never comes.',
  target_words: 3000,
  language: 'en',
}
const LATENCY_MS = 50

interface ModelServerProcess {
  baseUrl: string
  stop(): void
}

/**
 * The engine end to end against the local model server answering every call after a fixed
 * latency: orchestration overhead, one worker against two, and a burst of job requests. The
 * model server runs in its own process so that its work does not share the core's event loop.
 */
export async function benchEngine(print: (line: string) => void): Promise<void> {
  const server = await spawnModelServer()
  try {
    for (const workers of [1, 2]) {
      await withCore(server, workers, async (core, session) => {
        const started = performance.now()
        const ids = await Promise.all([1, 2, 3, 4].map(() => session.submit()))
        await Promise.all(ids.map((id) => waitForDone(core, id)))
        const wall = performance.now() - started
        const calls = await countModelCalls(core)
        print(
          `${workers} worker(s), 4 jobs: ${(wall / 1000).toFixed(1)} s wall clock, ${calls} model calls`,
        )
        if (workers === 1) {
          // With one worker the calls run one after another: their latencies add up.
          const modelTime = calls * LATENCY_MS
          const overhead = wall - modelTime
          print(
            `orchestration overhead: ${(overhead / 1000).toFixed(2)} s over ${(modelTime / 1000).toFixed(2)} s of model latency ` +
              `(${(overhead / calls).toFixed(1)} ms per call, streaming and token accounting included)`,
          )
        }
      })
    }
    await withCore(
      server,
      1,
      async (_core, session) => {
        await session.setTier('pro')
        const started = performance.now()
        const results = await Promise.all(Array.from({ length: 200 }, () => session.request()))
        const seconds = (performance.now() - started) / 1000
        const granted = results.filter((s) => s === 201).length
        const refused = results.filter((s) => s === 403).length
        print(
          `200 concurrent job requests at a limit of 50: ${granted} granted, ${refused} refused, ${(200 / seconds).toFixed(0)} requests/s`,
        )
      },
      false,
    )
  } finally {
    server.stop()
  }
}

async function spawnModelServer(): Promise<ModelServerProcess> {
  const cli = join(import.meta.dirname, '..', 'testing', 'model-server', 'cli.ts')
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--port', '0', '--latency-ms', String(LATENCY_MS)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const lines = createInterface({ input: child.stdout! })
  for await (const line of lines) {
    const url = /model-server listening on (\S+)/.exec(line)?.[1]
    if (url) return { baseUrl: `${url}/v1`, stop: () => child.kill('SIGTERM') }
  }
  throw new Error('the model server did not start')
}

/** Every model call is a ledger row, so the ledger counts the calls. */
async function countModelCalls(core: Core): Promise<number> {
  const res = await core.pg.query<{ n: number }>('SELECT count(*)::int AS n FROM usage_ledger')
  return res.rows[0]?.n ?? 0
}

interface Session {
  submit(): Promise<string>
  request(): Promise<number>
  setTier(tier: 'pro'): Promise<void>
}

async function withCore(
  server: ModelServerProcess,
  workers: number,
  body: (core: Core, s: Session) => Promise<void>,
  withWorkers = true,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'narraforge-bench-engine-'))
  const log = createSilentLogger()
  const core = await createCore({
    mode: 'desktop',
    dataDir,
    log,
    spawnWorker: withWorkers ? childProcessSpawner(log) : null,
    env: {
      ENVIRONMENT: 'test',
      OPENAI_API_KEY: 'sk-bench',
      OPENAI_BASE_URL: server.baseUrl,
      WORKER_CONCURRENCY: String(workers),
      RATE_LIMIT_ENABLED: 'false',
    },
  })
  try {
    const session = await openSession(core)
    await waitForWorkers(core, workers, withWorkers)
    await body(core, session)
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function openSession(core: Core): Promise<Session> {
  const post = (path: string, body: unknown, token?: string) =>
    core.app.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    })
  const email = `bench-${Date.now()}@example.com`
  const auth = (await (
    await post('/api/auth/register', { email, password: 'Bench12345' })
  ).json()) as {
    access_token: string
    user: { id: string }
  }
  const project = (await (
    await post('/api/projects', { name: 'Bench' }, auth.access_token)
  ).json()) as { id: string }
  const job = { project_id: project.id, brief: BRIEF }
  return {
    submit: async () =>
      ((await (await post('/api/jobs', job, auth.access_token)).json()) as { id: string }).id,
    request: async () => (await post('/api/jobs', job, auth.access_token)).status,
    async setTier(tier) {
      await core.pg.query(
        `UPDATE users SET tier = $1, monthly_generation_limit = 50, monthly_cost_limit_usd = 100000 WHERE id = $2`,
        [tier, auth.user.id],
      )
    },
  }
}

function waitForDone(core: Core, jobId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = core.events.subscribe((e) => {
      if (e.type !== 'job.progress' || e.job_id !== jobId) return
      if (e.status === 'completed') resolve()
      else if (e.status === 'failed' || e.status === 'cancelled')
        reject(new Error(`${jobId} ${e.status}: ${e.message}`))
      else return
      off()
    })
  })
}

async function waitForWorkers(core: Core, count: number, spawn: boolean): Promise<void> {
  if (!spawn) return
  for (;;) {
    const checks = await core.health.runAll()
    const workers = checks.find((c) => c.name === 'workers')
    if (workers?.detail.startsWith(`${count} of ${count} alive`)) return
    await new Promise((r) => setTimeout(r, 100))
  }
}
