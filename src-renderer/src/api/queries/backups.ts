import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { BackupInfo, BackupList, RestoreStaged } from '@shared/contracts/backups'
import { apiRequest } from '../client'

export const backupKeys = {
  all: ['backups'] as const,
}

/** Backups of the data folder, newest first, and whether a restore waits for a restart. */
export function backupListOptions() {
  return queryOptions({
    queryKey: backupKeys.all,
    queryFn: () => apiRequest<BackupList>({ path: '/backups' }),
  })
}

export function useCreateBackup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiRequest<BackupInfo>({ method: 'POST', path: '/backups', body: {} }),
    meta: { successKey: 'settings.backups.done' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backupKeys.all }),
  })
}

/** Stages a restore; the app loads it on its next start. */
export function useRestoreBackup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: string) =>
      apiRequest<RestoreStaged>({ method: 'POST', path: '/backups/restore', body: { file } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backupKeys.all }),
  })
}
