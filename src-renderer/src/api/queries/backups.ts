import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { BackupInfo, BackupList, RestoreStaged } from '@shared/contracts/backups'
import type { Liveness } from '@shared/contracts/health'
import type { SettingsView } from '@shared/contracts/settings'
import { apiRequest } from '../client'
import { settingsKeys } from './settings'

export const backupKeys = {
  all: ['backups'] as const,
  runMode: ['health', 'live', 'mode'] as const,
}

/** Backups of the data folder, newest first, and whether a restore waits for a restart. */
export function backupListOptions() {
  return queryOptions({
    queryKey: backupKeys.all,
    queryFn: () => apiRequest<BackupList>({ path: '/backups' }),
  })
}

/**
 * How the app is hosted. Backups belong to the machine holding the data folder, so on a
 * shared server there are none to show; the mode never changes while the app runs.
 */
export function runModeOptions() {
  return queryOptions({
    queryKey: backupKeys.runMode,
    queryFn: async () => (await apiRequest<Liveness>({ path: '/health/live' })).mode,
    staleTime: Infinity,
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

/** Sets how many automatic backups of each kind are kept (BACKUP_KEEP). */
export function useSetBackupKeep() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (keep: number) =>
      apiRequest<SettingsView>({ method: 'PATCH', path: '/settings', body: { backup_keep: keep } }),
    meta: { successKey: 'settings.saved' },
    onSuccess: async (view) => {
      queryClient.setQueryData(settingsKeys.all, view)
      await queryClient.invalidateQueries({ queryKey: backupKeys.all })
    },
  })
}

/** Whether this window can restart the app itself: only the desktop app's bridge can. */
export function canRelaunch(): boolean {
  return typeof window !== 'undefined' && Boolean(window.narraforge)
}

/** Closes the core and starts the desktop app again, which brings a staged restore back. */
export function useRelaunch() {
  return useMutation({
    mutationFn: async () => {
      if (!window.narraforge) throw new Error('Only the desktop app can restart itself')
      await window.narraforge.relaunch()
    },
  })
}
