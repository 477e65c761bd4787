import type { CheckStatus, HealthCheck } from '@shared/contracts/health'
import type { EventBus } from '../events/event-bus'

export interface CheckOutcome {
  status: CheckStatus
  /** English, for logs and API clients; `code` and `params` let the app word it itself. */
  detail: string
  code?: string
  params?: Record<string, string | number>
}

export interface CheckDefinition {
  name: string
  /** Critical checks decide readiness; others only inform. */
  critical: boolean
  run(): Promise<CheckOutcome>
}

const CHECK_TIMEOUT_MS = 5_000

/**
 * Runs the dependency checks that components register as they start, remembers the last
 * result of each, and announces changes on the event bus so open health panels update.
 */
export class HealthRegistry {
  private readonly checks = new Map<string, CheckDefinition>()
  private readonly dynamic: ((fresh: boolean) => CheckDefinition[])[] = []
  private readonly last = new Map<string, HealthCheck>()

  constructor(
    private readonly bus: EventBus,
    private readonly now: () => Date,
  ) {}

  register(check: CheckDefinition): void {
    this.checks.set(check.name, check)
  }

  /** Checks whose list changes with the settings (one per configured provider). */
  registerDynamic(build: (fresh: boolean) => CheckDefinition[]): void {
    this.dynamic.push(build)
  }

  unregister(name: string): void {
    this.checks.delete(name)
    this.last.delete(name)
  }

  /**
   * Runs every check at once (each bounded by a timeout) and returns them in a stable order.
   * `fresh` bypasses the caches of checks that keep one (provider pings).
   */
  async runAll(fresh = false): Promise<HealthCheck[]> {
    const all = [...this.checks.values(), ...this.dynamic.flatMap((build) => build(fresh))]
    const results = await Promise.all(all.map((c) => this.runOne(c)))
    const changed =
      results.length !== this.last.size ||
      results.some((r) => this.last.get(r.name)?.status !== r.status)
    this.last.clear()
    for (const r of results) this.last.set(r.name, r)
    if (changed) this.bus.publish({ type: 'health.changed', user_id: '*', checks: results })
    return results
  }

  lastResults(): HealthCheck[] {
    return [...this.last.values()]
  }

  private async runOne(check: CheckDefinition): Promise<HealthCheck> {
    const started = performance.now()
    let outcome: CheckOutcome
    try {
      outcome = await withTimeout(check.run(), CHECK_TIMEOUT_MS)
    } catch (error) {
      const reason = (error as Error).message.slice(0, 200)
      outcome = { status: 'down', detail: reason, code: 'check_failed', params: { reason } }
    }
    return {
      name: check.name,
      status: outcome.status,
      detail: outcome.detail,
      ...(outcome.code && { code: outcome.code, params: outcome.params ?? {} }),
      latency_ms: Math.round((performance.now() - started) * 100) / 100,
      checked_at: this.now().toISOString(),
      critical: check.critical,
    }
  }
}

export function isReady(checks: HealthCheck[]): boolean {
  return checks.every((c) => !c.critical || c.status === 'ok')
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
