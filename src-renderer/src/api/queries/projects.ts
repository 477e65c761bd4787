import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Page } from '@shared/contracts/common'
import type { Project, ProjectCreate, ProjectUpdate } from '@shared/contracts/projects'
import { apiRequest } from '../client'

export const projectKeys = {
  all: ['projects'] as const,
  list: (page: number, pageSize: number) => ['projects', 'list', { page, pageSize }] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
}

export function projectListOptions(page = 1, pageSize = 20) {
  return queryOptions({
    queryKey: projectKeys.list(page, pageSize),
    queryFn: () =>
      apiRequest<Page<Project>>({ path: '/projects', query: { page, page_size: pageSize } }),
    placeholderData: keepPreviousData,
  })
}

export function projectOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: () => apiRequest<Project>({ path: `/projects/${id}` }),
  })
}

export function useCreateProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ProjectCreate) =>
      apiRequest<Project>({ method: 'POST', path: '/projects', body: input }),
    meta: { inlineErrors: true, successKey: 'projects.created' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  })
}

export function useUpdateProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ProjectUpdate }) =>
      apiRequest<Project>({ method: 'PATCH', path: `/projects/${id}`, body: changes }),
    meta: { inlineErrors: true, successKey: 'projects.updated' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  })
}

export function useDeleteProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>({ method: 'DELETE', path: `/projects/${id}` }),
    meta: { successKey: 'projects.deleted' },
    onSuccess: async () => {
      // A project takes its narratives and jobs with it.
      await queryClient.invalidateQueries({ queryKey: projectKeys.all })
      await queryClient.invalidateQueries({ queryKey: ['narratives'] })
      await queryClient.invalidateQueries({ queryKey: ['jobs'] })
    },
  })
}
