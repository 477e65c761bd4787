import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Page } from '@shared/contracts/common'
import type { Project, ProjectCreate, ProjectUpdate } from '@shared/contracts/projects'
import { apiDownload, apiRequest } from '../client'
import { saveFile } from '../save-file'

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

/** Downloads the whole project (narratives, versions, briefs, ledger) as one file. */
export function useExportProject() {
  return useMutation({
    mutationFn: async (project: Project) => {
      const file = await apiDownload(`/projects/${project.id}/export`)
      saveFile(file.blob, file.filename ?? `${project.name}.narraforge.json`)
    },
  })
}

/** Adds an exported project file to the library as a new project. */
export function useImportProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (file: File) => {
      let archive: unknown
      try {
        archive = JSON.parse(await file.text())
      } catch {
        throw new InvalidProjectFile()
      }
      return apiRequest<Project>({ method: 'POST', path: '/projects/import', body: archive })
    },
    meta: { successKey: 'projects.imported' },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.all })
      await queryClient.invalidateQueries({ queryKey: ['narratives'] })
    },
  })
}

/** The chosen file is not JSON at all, so it cannot be a project file. */
export class InvalidProjectFile extends Error {
  readonly i18nKey = 'projects.importNotJson'
}
