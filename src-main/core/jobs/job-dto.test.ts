import { describe, expect, it } from 'vitest'
import { estimateSecondsLeft, type JobRow } from './job-dto'

const NOW = new Date('2026-03-15T12:00:00Z')
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000)

function runningJob(changes: Partial<JobRow>): JobRow {
  return { status: 'running', progress: 0, runStartProgress: 0, ...changes } as JobRow
}

describe('time left of a running job', () => {
  it('is paced on the current run, not on the first start, after a resume', () => {
    // Half done yesterday; resumed ten minutes ago and a tenth further since.
    const job = runningJob({
      startedAt: minutesAgo(24 * 60),
      runStartedAt: minutesAgo(10),
      runStartProgress: 0.5,
      progress: 0.6,
    })

    // A tenth took ten minutes, so the four tenths left take forty.
    expect(estimateSecondsLeft(job, NOW)).toBe(40 * 60)
  })

  it('is unknown until the current run has made some progress of its own', () => {
    const resumed = runningJob({
      startedAt: minutesAgo(60),
      runStartedAt: minutesAgo(1),
      runStartProgress: 0.5,
      progress: 0.51,
    })
    expect(estimateSecondsLeft(resumed, NOW)).toBeNull()
  })

  it('counts from the first start for a job claimed before runs were recorded', () => {
    const job = runningJob({ startedAt: minutesAgo(10), runStartedAt: null, progress: 0.25 })
    expect(estimateSecondsLeft(job, NOW)).toBe(30 * 60)
  })

  it('is unknown for a job that is not running', () => {
    const job = runningJob({ status: 'queued', runStartedAt: minutesAgo(5), progress: 0.5 })
    expect(estimateSecondsLeft(job, NOW)).toBeNull()
  })
})
