import { describe, expect, it } from 'vitest'
import type { HealthCheck } from '@shared/contracts/health'
import { isReady, sortChecks, worstCriticalStatus } from './health-status'

function check(name: string, status: HealthCheck['status'], critical = true): HealthCheck {
  return { name, status, critical, detail: '', latency_ms: 1, checked_at: '2026-01-01T00:00:00Z' }
}

describe('health status', () => {
  it('is unknown before the first answer', () => {
    expect(worstCriticalStatus(undefined)).toBe('unknown')
  })

  it('takes the worst critical status', () => {
    const checks = [check('database', 'ok'), check('disk', 'degraded'), check('queue', 'down')]
    expect(worstCriticalStatus(checks)).toBe('down')
  })

  it('leaves informational checks out of the dot, but not out of readiness', () => {
    const checks = [check('database', 'ok'), check('providers', 'down', false)]
    expect(worstCriticalStatus(checks)).toBe('ok')
    expect(isReady(checks)).toBe(false)
    expect(isReady([check('database', 'ok'), check('providers', 'ok', false)])).toBe(true)
  })

  it('lists problems first', () => {
    const sorted = sortChecks([check('a', 'ok'), check('b', 'down'), check('c', 'degraded', false)])
    expect(sorted.map((c) => c.name)).toEqual(['b', 'c', 'a'])
  })
})
