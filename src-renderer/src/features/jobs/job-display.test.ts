import { describe, expect, it } from 'vitest'
import { failureKind } from './job-display'
import { stageState } from './StageTimeline'

describe('why a job stopped', () => {
  it('reads the kind the worker recorded', () => {
    expect(failureKind({ error_kind: 'provider', error_message: 'OpenAI: 401' })).toBe('provider')
    expect(failureKind({ error_kind: 'budget', error_message: 'Budget reached' })).toBe('budget')
    expect(failureKind({ error_kind: 'internal', error_message: 'boom' })).toBe('internal')
  })

  it('treats a kind it does not know, or none, as unknown', () => {
    expect(failureKind({ error_kind: 'meteor', error_message: 'Hit' })).toBe('unknown')
    expect(failureKind({ error_kind: null, error_message: null })).toBe('unknown')
  })
})

describe('the stage timeline', () => {
  const cancelledInProse = {
    status: 'cancelled',
    currentStage: 'prose',
    completedStages: ['brief', 'world', 'characters', 'structure', 'segment_plan'],
  } as const

  it('shows where a cancelled job stopped, not a stage still to come', () => {
    expect(stageState('prose', cancelledInProse)).toBe('stopped')
    expect(stageState('world', cancelledInProse)).toBe('done')
    expect(stageState('stylization', cancelledInProse)).toBe('pending')
  })

  it('marks the running stage active and a failed one failed', () => {
    expect(stageState('prose', { ...cancelledInProse, status: 'running' })).toBe('active')
    expect(stageState('prose', { ...cancelledInProse, status: 'failed' })).toBe('failed')
    expect(stageState('prose', { ...cancelledInProse, status: 'queued' })).toBe('pending')
  })
})
