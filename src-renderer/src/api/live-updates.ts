import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { Page } from '@shared/contracts/common'
import type { PushEvent } from '@shared/contracts/events'
import type { Readiness } from '@shared/contracts/health'
import type { Job, JobStatusResponse } from '@shared/contracts/jobs'
import { isReady } from '../features/health/health-status'
import { appendProse, distrustLiveProse, EMPTY_PROSE, type ProseState } from './prose-accumulator'
import { authKeys } from './queries/auth'
import { healthKeys } from './queries/health'
import { jobKeys } from './queries/jobs'
import { narrativeKeys } from './queries/narratives'
import { projectKeys } from './queries/projects'
import { usageKeys } from './queries/usage'

type EventOf<T extends PushEvent['type']> = Extract<PushEvent, { type: T }>

const FINISHED = new Set(['completed', 'failed', 'cancelled'])

/**
 * Folds one push event into the query cache, so job and health screens update without
 * polling. Small facts are written in place; anything derived is refetched.
 */
export function applyPushEvent(client: QueryClient, event: PushEvent): void {
  switch (event.type) {
    case 'job.progress':
      return applyProgress(client, event)
    case 'job.stage':
      return applyStage(client, event)
    case 'job.prose':
      return applyProse(client, event)
    case 'job.cost':
      return applyCost(client, event)
    case 'health.changed':
      client.setQueryData<Readiness>(healthKeys.ready, (previous) => ({
        version: previous?.version ?? '',
        timestamp: new Date().toISOString(),
        status: isReady(event.checks) ? 'ready' : 'not_ready',
        checks: event.checks,
      }))
  }
}

function applyProgress(client: QueryClient, event: EventOf<'job.progress'>): void {
  const before = client.getQueryData<Job>(jobKeys.detail(event.job_id))?.status
  const changes = {
    status: event.status,
    current_stage: event.stage,
    progress: event.progress,
    actual_cost_usd: event.cost_usd,
  }
  client.setQueryData<Job>(jobKeys.detail(event.job_id), (job) => job && { ...job, ...changes })
  client.setQueriesData<Page<Job>>(
    { queryKey: jobKeys.lists },
    (page) =>
      page && {
        ...page,
        items: page.items.map((job) => (job.id === event.job_id ? { ...job, ...changes } : job)),
      },
  )
  client.setQueryData<JobStatusResponse>(
    jobKeys.status(event.job_id),
    (status) => status && { ...status, ...changes, eta_s: event.eta_s },
  )
  // The end is refetched even when the job row already says so: the status query may not.
  const finished = FINISHED.has(event.status)
  if (before === event.status && !finished) return

  refetchAfter(client, jobKeys.lists)
  if (finished) {
    // A finished job has a narrative, final costs and counts against the month.
    for (const queryKey of [
      jobKeys.detail(event.job_id),
      jobKeys.status(event.job_id),
      narrativeKeys.lists,
      projectKeys.all,
      authKeys.me,
      usageKeys.all,
    ]) {
      refetchAfter(client, queryKey)
    }
  }
}

function applyProse(client: QueryClient, event: EventOf<'job.prose'>): void {
  const key = jobKeys.prose(event.job_id)
  const before = client.getQueryData<ProseState>(key)
  client.setQueryData<ProseState>(key, (prose = EMPTY_PROSE) =>
    appendProse(prose, event.segment, event.delta, event.reset),
  )
  // A take beginning means the one before it is finished and checkpointed. If that one was
  // caught mid-way, the server now has the beginning this window missed.
  const caughtMidway = Object.entries(before?.sources ?? {}).some(
    ([segment, source]) => source === 'tail' && Number(segment) !== event.segment,
  )
  if (event.reset && caughtMidway) void client.invalidateQueries({ queryKey: key })
}

function applyStage(client: QueryClient, event: EventOf<'job.stage'>): void {
  const update = <
    T extends { current_stage: Job['current_stage']; completed_stages: Job['completed_stages'] },
  >(
    value: T | undefined,
  ): T | undefined => {
    if (!value) return value
    if (event.state === 'started') return { ...value, current_stage: event.stage }
    if (event.state === 'failed') return value
    const completed = value.completed_stages.includes(event.stage)
      ? value.completed_stages
      : [...value.completed_stages, event.stage]
    return { ...value, completed_stages: completed }
  }
  client.setQueryData<Job>(jobKeys.detail(event.job_id), update)
  client.setQueryData<JobStatusResponse>(jobKeys.status(event.job_id), update)
  if (event.state !== 'started') refetchAfter(client, jobKeys.status(event.job_id))
}

/** One model call's cost: added to its stage (tokens arrive with the next status fetch). */
function applyCost(client: QueryClient, event: EventOf<'job.cost'>): void {
  client.setQueryData<JobStatusResponse>(jobKeys.status(event.job_id), (status) => {
    if (!status) return status
    const known = status.stage_costs.some((row) => row.stage === event.stage)
    const stage_costs = known
      ? status.stage_costs.map((row) =>
          row.stage === event.stage
            ? { ...row, cost_usd: row.cost_usd + event.cost_usd, calls: row.calls + 1 }
            : row,
        )
      : [
          ...status.stage_costs,
          { stage: event.stage, cost_usd: event.cost_usd, tokens_in: 0, tokens_out: 0, calls: 1 },
        ]
    return { ...status, stage_costs, actual_cost_usd: event.total_cost_usd }
  })
  client.setQueryData<Job>(
    jobKeys.detail(event.job_id),
    (job) => job && { ...job, actual_cost_usd: event.total_cost_usd },
  )
}

/**
 * After the event stream came back from a gap, whatever events keep current may have missed
 * some: jobs and their status and prose, the month's usage, narratives a job finished,
 * and health. Streamed prose is no longer trusted to be whole, so the saved copy wins.
 */
export function resyncAfterGap(client: QueryClient): void {
  client.setQueriesData<ProseState>(
    { queryKey: jobKeys.allProse },
    (prose) => prose && distrustLiveProse(prose),
  )
  for (const queryKey of [
    jobKeys.lists,
    jobKeys.details,
    jobKeys.statuses,
    jobKeys.allProse,
    authKeys.me,
    usageKeys.all,
    projectKeys.all,
    narrativeKeys.lists,
    healthKeys.ready,
  ]) {
    refetchAfter(client, queryKey)
  }
}

/**
 * Fetches again what an event made stale. A request already on its way was answered before
 * the event, and react-query would let a first load (one with no data yet) finish instead of
 * starting anew; its older answer would then stand for good. So it is cancelled first.
 */
function refetchAfter(client: QueryClient, queryKey: QueryKey): void {
  void client.cancelQueries({ queryKey }).then(() => client.invalidateQueries({ queryKey }))
}
