import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Page } from '@shared/contracts/common'
import type {
  EXPORT_FORMATS,
  NarrativeDetail,
  NarrativeListQuery,
  NarrativeSummary,
  NarrativeUpdate,
  NarrativeVersion,
  NarrativeVersionSummary,
} from '@shared/contracts/narratives'
import { saveFile } from '../save-file'
import { apiDownload, apiRequest } from '../client'
import { projectKeys } from './projects'

export type NarrativeFilters = Partial<NarrativeListQuery>
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const narrativeKeys = {
  all: ['narratives'] as const,
  lists: ['narratives', 'list'] as const,
  list: (filters: NarrativeFilters) => ['narratives', 'list', filters] as const,
  detail: (id: string) => ['narratives', 'detail', id] as const,
  versions: (id: string) => ['narratives', 'versions', id] as const,
  version: (id: string, version: number) => ['narratives', 'version', id, version] as const,
}

export function narrativeListOptions(filters: NarrativeFilters) {
  return queryOptions({
    queryKey: narrativeKeys.list(filters),
    queryFn: () =>
      apiRequest<Page<NarrativeSummary>>({ path: '/narratives', query: { ...filters } }),
    placeholderData: keepPreviousData,
  })
}

export function narrativeOptions(id: string) {
  return queryOptions({
    queryKey: narrativeKeys.detail(id),
    queryFn: () => apiRequest<NarrativeDetail>({ path: `/narratives/${id}` }),
  })
}

export function versionListOptions(id: string) {
  return queryOptions({
    queryKey: narrativeKeys.versions(id),
    queryFn: () => apiRequest<NarrativeVersionSummary[]>({ path: `/narratives/${id}/versions` }),
  })
}

export function versionOptions(id: string, version: number) {
  return queryOptions({
    queryKey: narrativeKeys.version(id, version),
    queryFn: () => apiRequest<NarrativeVersion>({ path: `/narratives/${id}/versions/${version}` }),
    // A saved version never changes.
    staleTime: Infinity,
  })
}

/** Saves the editor's text as a new version; the editor shows failures itself. */
export function useSaveNarrative(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: NarrativeUpdate) =>
      apiRequest<NarrativeDetail>({ method: 'PUT', path: `/narratives/${id}`, body: input }),
    meta: { inlineErrors: true },
    onSuccess: async (saved) => {
      queryClient.setQueryData(narrativeKeys.detail(id), saved)
      await queryClient.invalidateQueries({ queryKey: narrativeKeys.versions(id) })
      await queryClient.invalidateQueries({ queryKey: narrativeKeys.lists })
    },
  })
}

export function useRestoreVersion(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (version: number) =>
      apiRequest<NarrativeDetail>({
        method: 'POST',
        path: `/narratives/${id}/versions/${version}/restore`,
        body: {},
      }),
    meta: { successKey: 'versions.restored' },
    onSuccess: async (restored) => {
      queryClient.setQueryData(narrativeKeys.detail(id), restored)
      await queryClient.invalidateQueries({ queryKey: narrativeKeys.versions(id) })
      await queryClient.invalidateQueries({ queryKey: narrativeKeys.lists })
    },
  })
}

export function useDeleteNarrative() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>({ method: 'DELETE', path: `/narratives/${id}` }),
    meta: { successKey: 'narratives.deleted' },
    onSuccess: async (_data, id) => {
      queryClient.removeQueries({ queryKey: narrativeKeys.detail(id) })
      await queryClient.invalidateQueries({ queryKey: narrativeKeys.lists })
      await queryClient.invalidateQueries({ queryKey: projectKeys.all })
    },
  })
}

/** Downloads an export; `beforeExport` runs first, for an editor to save what is pending. */
export function useExportNarrative(id: string, beforeExport?: () => Promise<void>) {
  return useMutation({
    mutationFn: async (format: ExportFormat) => {
      await beforeExport?.()
      const file = await apiDownload(`/narratives/${id}/export/${format}`)
      saveFile(file.blob, file.filename ?? `narrative.${format === 'audiobook' ? 'zip' : format}`)
    },
  })
}
