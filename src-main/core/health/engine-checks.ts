import type { Settings } from '../config/settings-schema'
import type { Database } from '../db/open-database'
import { readQueueDepth } from '../queue/claim'
import type { WorkerPool } from '../workers/worker-pool'
import { createProviders, readProviderSettings } from '../../worker/providers/create-providers'
import { isAppError } from '../errors/app-error'
import { PROVIDER_LABELS, type ProviderErrorDetails } from '../../worker/providers/provider-errors'
import type { ProviderName } from '../../worker/providers/types'
import type { CheckDefinition, CheckOutcome } from './health-registry'

const PING_TIMEOUT_MS = 5_000
const PING_CACHE_MS = 60_000
/** A queued job older than this while workers are idle means the queue is stuck. */
const STUCK_QUEUE_S = 300

/** The engine's checks: its workers and its queue. */
export function engineChecks(db: Database, pool: WorkerPool, now: () => Date): CheckDefinition[] {
  return [workersCheck(pool), queueCheck(db, pool, now)]
}

/**
 * Workers alive against workers configured (as the settings say now), the freshest heartbeat,
 * and any worker waiting out its restart pause after dying.
 */
export function workersCheck(pool: WorkerPool): CheckDefinition {
  return {
    name: 'workers',
    critical: true,
    async run() {
      const s = pool.stats()
      const beat =
        s.lastHeartbeatAgoMs === null
          ? 'no heartbeat yet'
          : `last heartbeat ${Math.round(s.lastHeartbeatAgoMs / 100) / 10} s ago`
      const restarts = s.restarting.map(
        (r) =>
          `${r.name} restarts in ${Math.ceil(r.inMs / 1000)} s after ${r.exitsInARow} quick exit${r.exitsInARow === 1 ? '' : 's'}`,
      )
      const detail = [
        `${s.alive} of ${s.configured} alive, ${s.busy} busy`,
        beat,
        ...restarts,
      ].join('; ')
      const counts = { alive: s.alive, configured: s.configured, busy: s.busy }
      return {
        // A surplus worker finishing its job after the setting was lowered is not a problem.
        status: s.alive >= s.configured ? 'ok' : s.alive > 0 ? 'degraded' : 'down',
        detail,
        ...findingOf(s, counts),
      }
    },
  }
}

/** Queue depth and the age of the oldest queued job. */
export function queueCheck(db: Database, pool: WorkerPool, now: () => Date): CheckDefinition {
  return {
    name: 'queue',
    critical: false,
    async run() {
      const q = await readQueueDepth(db, now())
      const detail = q.depth === 0 ? 'empty' : `${q.depth} queued, oldest ${q.oldestAgeS} s`
      const stuck = q.oldestAgeS !== null && q.oldestAgeS > STUCK_QUEUE_S && pool.stats().busy === 0
      if (q.depth === 0) return { status: 'ok', detail, code: 'queue_empty' }
      return {
        status: stuck ? 'degraded' : 'ok',
        detail,
        code: stuck ? 'queue_stuck' : 'queue_waiting',
        params: { depth: q.depth, oldest_s: q.oldestAgeS ?? 0 },
      }
    },
  }
}

/**
 * One check per configured provider: the key is present and the endpoint answers a cheap
 * request within 5 s. Answers are cached for a minute so health polling costs nothing;
 * `fresh` (the panel's re-check button) asks again.
 */
export function providerChecks(settings: () => Settings): (fresh: boolean) => CheckDefinition[] {
  const cache = new Map<string, { at: number; outcome: CheckOutcome }>()
  return (fresh) => {
    const config = readProviderSettings(settings())
    const registry = createProviders(config, { timeoutMs: PING_TIMEOUT_MS })
    return registry.names.map((name: ProviderName) => ({
      name: `provider:${name}`,
      critical: true,
      async run() {
        const key = `${name}:${JSON.stringify(config[name])}`
        const hit = cache.get(key)
        if (!fresh && hit && performance.now() - hit.at < PING_CACHE_MS) return hit.outcome
        const outcome = await pingProvider(
          () => registry.get(name).ping(AbortSignal.timeout(PING_TIMEOUT_MS)),
          name,
        )
        cache.set(key, { at: performance.now(), outcome })
        return outcome
      },
    }))
  }
}

/** Pings a provider and words the outcome as the health panel and the settings test show it. */
export async function pingProvider(
  ping: () => Promise<void>,
  name: ProviderName,
): Promise<CheckOutcome> {
  try {
    await ping()
    return {
      status: 'ok',
      detail: `${PROVIDER_LABELS[name]} answers`,
      code: 'provider_answers',
      params: { provider: name },
    }
  } catch (error) {
    const reason = (error as Error).message.slice(0, 200)
    return {
      status: 'down',
      detail: `${PROVIDER_LABELS[name]}: ${reason}`.slice(0, 240),
      code: 'provider_failed',
      params: { provider: name, reason, cause: failureCause(error) },
    }
  }
}

/** Why a ping failed, in the few kinds the panel words differently. */
function failureCause(error: unknown): string {
  const details = isAppError(error) ? (error.details as ProviderErrorDetails | undefined) : null
  if (details?.code === 'timeout') return 'timeout'
  if (details?.code === 'connection') return 'connection'
  if (details?.status === 401 || details?.status === 403) return 'key_refused'
  if (details?.status === 429) return 'rate_limited'
  return 'other'
}

/** The pool's finding as a code the app words itself; a restart pause outranks the heartbeat. */
function findingOf(
  s: ReturnType<WorkerPool['stats']>,
  counts: Record<string, number>,
): { code: string; params: Record<string, number> } {
  if (s.restarting.length > 0) {
    const soonest = Math.min(...s.restarting.map((r) => r.inMs))
    return {
      code: 'workers_restarting',
      params: {
        ...counts,
        restarting: s.restarting.length,
        restart_in_s: Math.ceil(soonest / 1000),
      },
    }
  }
  if (s.lastHeartbeatAgoMs === null) return { code: 'workers_no_heartbeat', params: counts }
  return {
    code: 'workers_alive',
    params: { ...counts, heartbeat_s: Math.round(s.lastHeartbeatAgoMs / 100) / 10 },
  }
}
