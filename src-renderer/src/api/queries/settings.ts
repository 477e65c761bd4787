import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { ProviderTestResult, SettingsUpdate, SettingsView } from '@shared/contracts/settings'
import { apiRequest } from '../client'
import { healthKeys } from './health'

type ProviderName = SettingsView['providers'][number]['name']

export const settingsKeys = {
  all: ['settings'] as const,
}

export function settingsOptions() {
  return queryOptions({
    queryKey: settingsKeys.all,
    queryFn: () => apiRequest<SettingsView>({ path: '/settings' }),
  })
}

export function useUpdateSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: SettingsUpdate) =>
      apiRequest<SettingsView>({ method: 'PATCH', path: '/settings', body: changes }),
    meta: { successKey: 'settings.saved' },
    onSuccess: async (view) => {
      queryClient.setQueryData(settingsKeys.all, view)
      // Provider keys decide whether generation is available.
      await queryClient.invalidateQueries({ queryKey: healthKeys.ready })
    },
  })
}

/** Tries a provider's key or base URL; the result is shown beside the provider. */
export function useTestProvider() {
  return useMutation({
    mutationFn: (name: ProviderName) =>
      apiRequest<ProviderTestResult>({
        method: 'POST',
        path: `/settings/providers/${name}/test`,
        body: {},
      }),
    meta: { inlineErrors: true },
  })
}
