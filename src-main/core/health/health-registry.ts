import type { CheckStatus, HealthCheck } from '@shared/contracts/health'
import type { EventBus } from '../events/event-bus'
import type { Logger } from '../logging/logger'

export interface CheckOutcome {
  status: CheckStatus
  /** English, for logs and API clients; `code` and `params` let the app word it itself. */
  detail: string
  code?: string
  params?: Record<string, string | number>
}

export interface CheckDefinition {
  name: string
  /**
   * Whether the app cannot do its work at all while this fails (the panel shows it first).
   * Readiness asks more: every check, critical or not, must be ok.
   */
  critical: boolean
  run(): Promise<CheckOutcome>
}

/** Runs `callback` once after `ms` and returns what cancels it; tests pass one they fire. */
export type Schedule = (callback: () => void, ms: number) => () => void

export interface HealthRegistryOptions {
  schedule?: Schedule
  /** Where a periodic run that failed as a whole is reported. */
  log?: Logger
}

const CHECK_TIMEOUT_MS = 5_000

/**
 * Runs the dependency checks that components register as they start, remembers the last
 * result of each, and announces changes on the event bus so open health panels update. Once
 * started, it also checks again on its own at an interval, so a dependency that goes away is
 * announced without anyone asking.
 */
export class HealthRegistry {
  private readonly checks = new Map<string, CheckDefinition>()
  private readonly dynamic: ((fresh: boolean) => CheckDefinition[])[] = []
  private readonly last = new Map<string, HealthCheck>()
  private readonly schedule: Schedule
  private readonly log?: Logger
  private cancelTimer: (() => void) | null = null
  private periodicRun: Promise<unknown> | null = null
  private stopped = false

  constructor(
    private readonly bus: EventBus,
    private readonly now: () => Date,
    options: HealthRegistryOptions = {},
  ) {
    this.schedule = options.schedule ?? unrefTimeout
    this.log = options.log
  }

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
    const results = await Promise.all(this.definitions(fresh).map((c) => this.runOne(c)))
    const changed =
      results.length !== this.last.size ||
      results.some((r) => this.last.get(r.name)?.status !== r.status)
    this.last.clear()
    for (const r of results) this.last.set(r.name, r)
    if (changed) this.announce()
    return results
  }

  /**
   * Runs one check now, past any cache (the panel's per-dependency "check again"), and
   * announces the list if its status changed. Null when no check has that name.
   */
  async runCheck(name: string): Promise<HealthCheck | null> {
    const check = this.definitions(true).find((c) => c.name === name)
    if (!check) return null
    // The announcement carries the whole list; without earlier results it would be partial.
    if (this.last.size === 0) await this.runAll(false)
    const result = await this.runOne(check)
    const changed = this.last.get(name)?.status !== result.status
    this.last.set(name, result)
    if (changed) this.announce()
    return result
  }

  lastResults(): HealthCheck[] {
    return [...this.last.values()]
  }

  /**
   * Checks everything again every `intervalMs`, caches respected (a provider is pinged at most
   * once a minute however short the interval), until `stop`.
   */
  startPeriodicChecks(intervalMs: number): void {
    if (this.cancelTimer || this.stopped) return
    const tick = () => {
      this.periodicRun = this.runAll(false)
        .catch((error: unknown) => this.log?.warn({ err: error }, 'periodic health check failed'))
        .finally(() => {
          this.periodicRun = null
          if (!this.stopped) this.cancelTimer = this.schedule(tick, intervalMs)
        })
    }
    this.cancelTimer = this.schedule(tick, intervalMs)
  }

  /** Stops the periodic checks and waits for a run in progress, so none outlives the core. */
  async stop(): Promise<void> {
    this.stopped = true
    this.cancelTimer?.()
    this.cancelTimer = null
    await this.periodicRun
  }

  private definitions(fresh: boolean): CheckDefinition[] {
    return [...this.checks.values(), ...this.dynamic.flatMap((build) => build(fresh))]
  }

  private announce(): void {
    this.bus.publish({ type: 'health.changed', user_id: '*', checks: this.lastResults() })
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

/**
 * Ready means every dependency is usable: one degraded or down check, critical or not, makes
 * the answer 503. The body still lists each check, so a caller sees which one failed.
 */
export function isReady(checks: HealthCheck[]): boolean {
  return checks.every((c) => c.status === 'ok')
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** A timer that never keeps the process alive on its own. */
const unrefTimeout: Schedule = (callback, ms) => {
  const timer = setTimeout(callback, ms)
  timer.unref()
  return () => clearTimeout(timer)
}
