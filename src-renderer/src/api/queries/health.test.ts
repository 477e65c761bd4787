import { describe, expect, it } from 'vitest'
import type { HealthCheck, Readiness } from '@shared/contracts/health'
import { withCheck } from './health'

const check = (name: string, status: HealthCheck['status']): HealthCheck => ({
  name,
  status,
  detail: '',
  latency_ms: 1,
  checked_at: '2026-03-15T12:00:00Z',
  critical: true,
})

const readiness: Readiness = {
  status: 'not_ready',
  version: '1.0.0',
  timestamp: '2026-03-15T11:00:00Z',
  checks: [check('database', 'ok'), check('provider:openai', 'down')],
}

describe('one dependency checked again', () => {
  it('replaces only that check and works the verdict out again', () => {
    const next = withCheck(readiness, check('provider:openai', 'ok'))
    expect(next.checks.map((c) => [c.name, c.status])).toEqual([
      ['database', 'ok'],
      ['provider:openai', 'ok'],
    ])
    expect(next.status).toBe('ready')
  })

  it('adds a check the panel had not seen yet', () => {
    const next = withCheck(readiness, check('disk', 'down'))
    expect(next.checks).toHaveLength(3)
    expect(next.status).toBe('not_ready')
  })
})
