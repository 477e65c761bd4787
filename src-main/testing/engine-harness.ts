import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { BriefInput, Job } from '@shared/contracts/jobs'
import { childProcessSpawner } from '../core/workers/child-process-worker'
import type { WorkerProcess } from '../core/workers/worker-process'
import { createSilentLogger } from '../core/logging/logger'
import { call, registerUser } from './api-client'
import { startModelServer, type ModelServer } from './model-server'
import { createTestCore, type TestCore } from './test-core'

export const SHORT_BRIEF: BriefInput = {
  title: 'Latarnik z Helu',
  form: 'short_story',
  genre: 'drama',
  premise: 'Stary latarnik czeka na statek, który nie przypłynie, i w końcu gasi światło.',
  target_words: 3000,
  tone: 'melancholijny',
  language: 'pl',
}

/** Every worker process forked by engine cores in this test file, newest last. */
export const spawnedWorkers: WorkerProcess[] = []

export type ProviderUnderTest = 'openai' | 'anthropic' | 'local'

/** Settings that point one provider at the local model server. */
export function providerEnv(
  server: ModelServer,
  provider: ProviderUnderTest,
): Record<string, string> {
  switch (provider) {
    case 'openai':
      return { OPENAI_API_KEY: 'sk-test-openai', OPENAI_BASE_URL: server.openaiBaseUrl }
    case 'anthropic':
      return { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: server.anthropicBaseUrl }
    case 'local':
      return { LOCAL_MODEL_BASE_URL: server.openaiBaseUrl, LOCAL_MODEL_NAME: 'llama3.1' }
  }
}

const crashes = new WeakMap<TestCore, () => Promise<void>>()

/** A core with real worker processes (child_process, worker run from source through tsx). */
export async function createEngineCore(
  server: ModelServer,
  provider: ProviderUnderTest = 'openai',
  extraEnv: Record<string, string> = {},
  dataDir?: string,
): Promise<TestCore> {
  const spawn = childProcessSpawner(createSilentLogger())
  const own: WorkerProcess[] = []
  let crashed = false
  const core = await createTestCore({
    dataDir,
    // Worker supervision (backoff before a retry) runs on real time in these tests.
    now: () => new Date(),
    spawnWorker: (name) => {
      if (crashed) return deadWorker()
      const worker = spawn(name)
      spawnedWorkers.push(worker)
      own.push(worker)
      return worker
    },
    env: { ...providerEnv(server, provider), RATE_LIMIT_ENABLED: 'false', ...extraEnv },
  })
  crashes.set(core, async () => {
    crashed = true
    // The database goes first, so nothing the scheduler does after the workers die is kept.
    await core.pg.close()
    for (const worker of own) worker.kill()
    // The operating system would have ended the process; its lock is then taken over.
    rmSync(join(core.dataDir, 'narraforge.lock'), { force: true })
  })
  return core
}

/**
 * Ends a core as a crash of the app would: its workers are killed and its database handle
 * closed without the engine's clean stop, so jobs stay running with their checkpoints. The
 * core is unusable afterwards; start another on its data folder.
 */
export async function crashCore(core: TestCore): Promise<void> {
  const crash = crashes.get(core)
  if (!crash) throw new Error('only cores made by createEngineCore can crash')
  await crash()
}

/** What a crashed core's pool gets when it tries to replace a worker: one that never starts. */
function deadWorker(): WorkerProcess {
  const exits: ((code: number | null) => void)[] = []
  return {
    pid: undefined,
    post: () => {},
    onMessage: () => {},
    onExit: (listener) => void exits.push(listener),
    kill: () => exits.forEach((l) => l(null)),
  }
}

export async function startWriter(core: TestCore) {
  const auth = await registerUser(core)
  const project = await call(core, 'POST', '/api/projects', {
    token: auth.access_token,
    body: { name: 'Opowiadania' },
  })
  return { token: auth.access_token, userId: auth.user.id, projectId: project.json.id as string }
}

export async function submitJob(
  core: TestCore,
  token: string,
  projectId: string,
  brief: BriefInput = SHORT_BRIEF,
) {
  const res = await call(core, 'POST', '/api/jobs', {
    token,
    body: { project_id: projectId, brief },
  })
  if (res.status !== 201) throw new Error(`job refused: ${res.status} ${res.text}`)
  return res.json as Job
}

/**
 * Resolves when the job reaches one of `statuses`, driven by the core's push events (with a
 * database look first, in case it already did); never a fixed sleep.
 */
export function waitForJob(
  core: TestCore,
  jobId: string,
  statuses: string[] = ['completed', 'failed', 'cancelled'],
  timeoutMs = 60_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`job ${jobId} did not reach ${statuses.join('/')} within ${timeoutMs} ms`))
    }, timeoutMs)
    const done = (status: string) => {
      clearTimeout(timer)
      unsubscribe()
      resolve(status)
    }
    const unsubscribe = core.events.subscribe((event) => {
      if (
        event.type === 'job.progress' &&
        event.job_id === jobId &&
        statuses.includes(event.status)
      )
        done(event.status)
    })
    void core.db.query.generationJobs
      .findFirst({ where: (j, { eq }) => eq(j.id, jobId) })
      .then((row) => row && statuses.includes(row.status) && done(row.status))
  })
}

/** Resolves at the first push event that matches. */
export function waitForEvent(
  core: TestCore,
  match: (e: Parameters<Parameters<TestCore['events']['subscribe']>[0]>[0]) => boolean,
  timeoutMs = 60_000,
) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`no matching event within ${timeoutMs} ms`))
    }, timeoutMs)
    const unsubscribe = core.events.subscribe((event) => {
      if (!match(event)) return
      clearTimeout(timer)
      unsubscribe()
      resolve()
    })
  })
}

export { startModelServer }
