import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Page } from '@shared/contracts/common'
import type {
  BriefInput,
  Job,
  JobCreate,
  JobEstimate,
  JobProse,
  JobStatus,
  JobStatusResponse,
} from '@shared/contracts/jobs'
import { EMPTY_PROSE, mergeSavedProse, type ProseState } from '../prose-accumulator'
import { apiRequest } from '../client'
import { authKeys } from './auth'

export interface JobFilters {
  status?: JobStatus
  project_id?: string
  page?: number
  page_size?: number
}

export const jobKeys = {
  all: ['jobs'] as const,
  lists: ['jobs', 'list'] as const,
  list: (filters: JobFilters) => ['jobs', 'list', filters] as const,
  details: ['jobs', 'detail'] as const,
  detail: (id: string) => ['jobs', 'detail', id] as const,
  statuses: ['jobs', 'status'] as const,
  status: (id: string) => ['jobs', 'status', id] as const,
  allProse: ['jobs', 'prose'] as const,
  prose: (id: string) => ['jobs', 'prose', id] as const,
  estimate: (brief: BriefInput | null) => ['jobs', 'estimate', brief] as const,
}

export function jobListOptions(filters: JobFilters) {
  return queryOptions({
    queryKey: jobKeys.list(filters),
    queryFn: () => apiRequest<Page<Job>>({ path: '/jobs', query: { ...filters } }),
    placeholderData: keepPreviousData,
  })
}

export function jobOptions(id: string) {
  return queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: () => apiRequest<Job>({ path: `/jobs/${id}` }),
  })
}

/** Stage costs and ETA; push events keep it current once loaded. */
export function jobStatusOptions(id: string) {
  return queryOptions({
    queryKey: jobKeys.status(id),
    queryFn: () => apiRequest<JobStatusResponse>({ path: `/jobs/${id}/status` }),
  })
}

/**
 * The job's prose: what its checkpoints hold, fetched once, with `job.prose` deltas applied
 * on top as they stream. Deltas that arrive while the request runs are already in the cache
 * when it answers, so the saved text is merged onto them rather than replacing them.
 */
export function jobProseOptions(id: string) {
  return queryOptions({
    queryKey: jobKeys.prose(id),
    queryFn: async ({ client }): Promise<ProseState> => {
      const saved = await apiRequest<JobProse>({ path: `/jobs/${id}/prose` })
      const streamed = client.getQueryData<ProseState>(jobKeys.prose(id)) ?? EMPTY_PROSE
      return mergeSavedProse(streamed, saved.segments)
    },
    // Deltas may create the entry before the page opens; until merged it is not up to date.
    staleTime: (query) => (query.state.data?.seeded ? Infinity : 0),
    gcTime: Infinity,
  })
}

/** What a brief would cost; `null` while the brief is incomplete. */
export function estimateOptions(brief: BriefInput | null) {
  return queryOptions({
    queryKey: jobKeys.estimate(brief),
    queryFn: () =>
      apiRequest<JobEstimate>({ method: 'POST', path: '/jobs/estimate', body: { brief } }),
    enabled: brief !== null,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  })
}

export function useCreateJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: JobCreate) =>
      apiRequest<Job>({ method: 'POST', path: '/jobs', body: input }),
    meta: { inlineErrors: true },
    onSuccess: async (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job)
      await queryClient.invalidateQueries({ queryKey: jobKeys.lists })
      await queryClient.invalidateQueries({ queryKey: authKeys.me })
    },
  })
}

export function useCancelJob() {
  return useJobAction((id: string) =>
    apiRequest<Job>({ method: 'POST', path: `/jobs/${id}/cancel`, body: {} }),
  )
}

export function useResumeJob() {
  return useJobAction(({ id, budgetUsd }: { id: string; budgetUsd?: number }) =>
    apiRequest<Job>({
      method: 'POST',
      path: `/jobs/${id}/resume`,
      body: budgetUsd === undefined ? {} : { budget_usd: budgetUsd },
    }),
  )
}

function useJobAction<Input>(call: (input: Input) => Promise<Job>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: async (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job)
      await queryClient.invalidateQueries({ queryKey: jobKeys.status(job.id) })
      await queryClient.invalidateQueries({ queryKey: jobKeys.lists })
    },
  })
}
