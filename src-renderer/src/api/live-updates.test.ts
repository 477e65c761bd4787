import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import type { Page } from '@shared/contracts/common'
import type { Readiness } from '@shared/contracts/health'
import type { Job, JobStatusResponse } from '@shared/contracts/jobs'
import { applyPushEvent, resyncAfterGap } from './live-updates'
import { appendProse, EMPTY_PROSE, proseSegments, type ProseState } from './prose-accumulator'
import { authKeys } from './queries/auth'
import { healthKeys } from './queries/health'
import { jobKeys } from './queries/jobs'
import { narrativeKeys } from './queries/narratives'

const JOB_ID = '7b0a8f52-63e4-4d3c-9a41-2f1e0c5d9a10'
const base = { user_id: 'u1', job_id: JOB_ID }
/** The push that says the job ended, as the server sends it once the result is written. */
const JOB_FINISHED = {
  type: 'job.progress',
  ...base,
  status: 'completed',
  stage: null,
  progress: 1,
  cost_usd: 0.3,
  eta_s: null,
} as const

function seeded() {
  const client = new QueryClient()
  const job = {
    id: JOB_ID,
    status: 'running',
    current_stage: 'prose',
    completed_stages: ['brief'],
    progress: 0.1,
    actual_cost_usd: 0.01,
  } as Job
  const status = {
    job_id: JOB_ID,
    status: 'running',
    current_stage: 'prose',
    completed_stages: ['brief'],
    progress: 0.1,
    actual_cost_usd: 0.01,
    stage_costs: [{ stage: 'prose', cost_usd: 0.01, tokens_in: 10, tokens_out: 20, calls: 1 }],
    eta_s: 60,
  } as JobStatusResponse
  client.setQueryData(jobKeys.detail(JOB_ID), job)
  client.setQueryData(jobKeys.status(JOB_ID), status)
  client.setQueryData(jobKeys.list({ page: 1 }), { items: [job], total: 1 } as Page<Job>)
  return client
}

describe('push events into the cache', () => {
  it('moves progress on the job, its status and every list showing it', () => {
    const client = seeded()
    applyPushEvent(client, {
      type: 'job.progress',
      ...base,
      status: 'running',
      stage: 'prose',
      progress: 0.5,
      cost_usd: 0.2,
      eta_s: 30,
    })
    expect(client.getQueryData<Job>(jobKeys.detail(JOB_ID))?.progress).toBe(0.5)
    expect(client.getQueryData<JobStatusResponse>(jobKeys.status(JOB_ID))?.eta_s).toBe(30)
    const list = client.getQueryData<Page<Job>>(jobKeys.list({ page: 1 }))
    expect(list?.items[0]?.actual_cost_usd).toBe(0.2)
  })

  it('adds each call’s cost to its stage', () => {
    const client = seeded()
    const cost = {
      type: 'job.cost',
      ...base,
      stage: 'prose',
      cost_usd: 0.02,
      total_cost_usd: 0.03,
    } as const
    applyPushEvent(client, cost)
    applyPushEvent(client, { ...cost, stage: 'stylization', total_cost_usd: 0.05 })
    const status = client.getQueryData<JobStatusResponse>(jobKeys.status(JOB_ID))
    expect(status?.stage_costs.map((row) => [row.stage, row.cost_usd, row.calls])).toEqual([
      ['prose', 0.03, 2],
      ['stylization', 0.02, 1],
    ])
    expect(status?.actual_cost_usd).toBe(0.05)
  })

  it('marks a finished stage as completed once', () => {
    const client = seeded()
    const done = {
      type: 'job.stage',
      ...base,
      stage: 'world',
      state: 'completed',
      cost_usd: 0,
    } as const
    applyPushEvent(client, done)
    applyPushEvent(client, done)
    expect(client.getQueryData<Job>(jobKeys.detail(JOB_ID))?.completed_stages).toEqual([
      'brief',
      'world',
    ])
    const status = client.getQueryData<JobStatusResponse>(jobKeys.status(JOB_ID))
    expect(status?.completed_stages).toEqual(['brief', 'world'])
  })

  it('refetches a finished job even while an earlier status request is still on its way', async () => {
    const client = new QueryClient()
    const answers: Array<(status: JobStatusResponse) => void> = []
    const observer = new QueryObserver(client, {
      queryKey: jobKeys.status(JOB_ID),
      queryFn: () => new Promise<JobStatusResponse>((resolve) => answers.push(resolve)),
    })
    const unsubscribe = observer.subscribe(() => {})
    const status = (value: JobStatusResponse['status']) =>
      ({ job_id: JOB_ID, status: value, completed_stages: [], stage_costs: [] }) as never

    // The first request was read while the job ran; its answer arrives after the job ended.
    applyPushEvent(client, JOB_FINISHED)
    answers[0]!(status('running'))
    await vi.waitFor(() => expect(answers).toHaveLength(2))
    answers[1]!(status('completed'))

    await vi.waitFor(() =>
      expect(client.getQueryData<JobStatusResponse>(jobKeys.status(JOB_ID))?.status).toBe(
        'completed',
      ),
    )
    unsubscribe()
  })

  it('fetches final costs of a finished job even when its row already said it ended', async () => {
    const client = seeded()
    client.setQueryData<Job>(
      jobKeys.detail(JOB_ID),
      (job) => job && { ...job, status: 'completed' },
    )
    let fetches = 0
    const observer = new QueryObserver(client, {
      queryKey: jobKeys.status(JOB_ID),
      queryFn: () => {
        fetches += 1
        return Promise.resolve({ job_id: JOB_ID, status: 'completed' } as JobStatusResponse)
      },
      staleTime: Infinity,
    })
    const unsubscribe = observer.subscribe(() => {})

    applyPushEvent(client, JOB_FINISHED)

    await vi.waitFor(() => expect(fetches).toBe(1))
    unsubscribe()
  })

  it('collects streamed prose even before the job page opens', () => {
    const client = new QueryClient()
    applyPushEvent(client, { type: 'job.prose', ...base, segment: 1, delta: 'Noc ' })
    applyPushEvent(client, { type: 'job.prose', ...base, segment: 1, delta: 'była zimna.' })
    const prose = client.getQueryData<ProseState>(jobKeys.prose(JOB_ID))
    expect(prose && proseSegments(prose)).toEqual([{ segment: 1, text: 'Noc była zimna.' }])
  })

  it('replaces the health checks and recomputes readiness', () => {
    const client = new QueryClient()
    const check = { name: 'database', detail: '', latency_ms: 1, checked_at: '', critical: true }
    applyPushEvent(client, {
      type: 'health.changed',
      user_id: '*',
      checks: [{ ...check, status: 'down' }],
    })
    expect(client.getQueryData<Readiness>(healthKeys.ready)?.status).toBe('not_ready')
  })
})

describe('after the event stream was down', () => {
  it('fetches again everything the events keep current', async () => {
    const client = seeded()
    const stale = [
      jobKeys.list({ page: 1 }),
      jobKeys.detail(JOB_ID),
      jobKeys.status(JOB_ID),
      jobKeys.prose(JOB_ID),
      authKeys.me,
      narrativeKeys.list({ page: 1 }),
      healthKeys.ready,
    ]
    for (const key of stale.slice(4)) client.setQueryData(key, {})
    client.setQueryData(jobKeys.prose(JOB_ID), EMPTY_PROSE)
    const untouched = narrativeKeys.detail('n1')
    client.setQueryData(untouched, {})

    resyncAfterGap(client)

    await vi.waitFor(() => {
      for (const key of stale)
        expect(client.getQueryState(key)?.isInvalidated, String(key)).toBe(true)
    })
    expect(client.getQueryState(untouched)?.isInvalidated).toBe(false)
  })

  it('no longer trusts streamed prose to be whole', () => {
    const client = new QueryClient()
    client.setQueryData(jobKeys.prose(JOB_ID), appendProse(EMPTY_PROSE, 1, 'Draft', true))
    resyncAfterGap(client)
    const prose = client.getQueryData<ProseState>(jobKeys.prose(JOB_ID))
    expect(prose?.sources[1]).toBe('tail')
    expect(prose?.seeded).toBe(false)
  })

  it('fetches the saved prose again when a segment caught mid-way has finished', async () => {
    const client = new QueryClient()
    client.setQueryData(jobKeys.prose(JOB_ID), appendProse(EMPTY_PROSE, 1, 'end of one.'))
    applyPushEvent(client, { type: 'job.prose', ...base, segment: 2, delta: 'Two', reset: true })
    await vi.waitFor(() =>
      expect(client.getQueryState(jobKeys.prose(JOB_ID))?.isInvalidated).toBe(true),
    )
  })
})
