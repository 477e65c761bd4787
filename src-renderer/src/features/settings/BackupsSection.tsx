import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  backupListOptions,
  canRelaunch,
  runModeOptions,
  useCreateBackup,
  useRelaunch,
  useRestoreBackup,
} from '../../api/queries/backups'
import { useFormat } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { LoadingState } from '../../ui/Spinner'
import { BackupKeepForm } from './BackupKeepForm'

/**
 * Backups of the data folder: take one now, choose how many are kept, or stage one to be
 * restored at the next start. A shared server keeps its backups on its own machine, so there
 * the tab says so instead of asking for them.
 */
export function BackupsSection() {
  const { t } = useTranslation()
  const mode = useQuery(runModeOptions())

  if (mode.isPending) return <LoadingState />
  if (mode.isError) return <ErrorState error={mode.error} onRetry={() => void mode.refetch()} />
  if (mode.data === 'server') {
    return (
      <section className="card" aria-labelledby="backups-title" data-testid="backups-on-server">
        <h2 id="backups-title" className="card__title">
          {t('settings.backups.title')}
        </h2>
        <p className="muted">{t('settings.backups.onServer')}</p>
      </section>
    )
  }
  return <BackupsPanel desktop={mode.data === 'desktop' && canRelaunch()} />
}

function BackupsPanel({ desktop }: { desktop: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const backups = useQuery(backupListOptions())
  const create = useCreateBackup()
  const restore = useRestoreBackup()
  const relaunch = useRelaunch()
  const [confirming, setConfirming] = useState<string | null>(null)
  const restartNeeded = backups.data?.pending_restore || restore.data?.restart_required

  return (
    <section className="card" aria-labelledby="backups-title" data-testid="backups">
      <div className="card__header">
        <h2 id="backups-title" className="card__title">
          {t('settings.backups.title')}
        </h2>
        <Button
          variant="primary"
          size="sm"
          busy={create.isPending}
          onClick={() => create.mutate()}
          data-testid="backup-now"
        >
          {t('settings.backups.now')}
        </Button>
      </div>
      <p className="muted">
        {backups.data
          ? t('settings.backups.intro', { count: backups.data.keep })
          : t('settings.backups.introShort')}
      </p>
      {restartNeeded && (
        <div className="banner banner--warning" role="status" data-testid="restart-required">
          <p>
            {restore.data
              ? t('settings.backups.restoreStaged', { file: restore.data.file })
              : t('settings.backups.restartRequired')}
          </p>
          {desktop && (
            <div className="button-row">
              <Button
                variant="primary"
                size="sm"
                busy={relaunch.isPending || relaunch.isSuccess}
                onClick={() => relaunch.mutate()}
                data-testid="restart-now"
              >
                {t('settings.backups.restartNow')}
              </Button>
            </div>
          )}
        </div>
      )}
      {backups.data && <BackupKeepForm keep={backups.data.keep} />}
      {backups.isPending && <LoadingState />}
      {backups.isError && (
        <ErrorState error={backups.error} onRetry={() => void backups.refetch()} compact />
      )}
      {backups.data?.items.length === 0 && <EmptyState title={t('settings.backups.empty')} />}
      {!!backups.data?.items.length && (
        <table className="table table--dense">
          <thead>
            <tr>
              <th scope="col">{t('settings.backups.created')}</th>
              <th scope="col">{t('settings.backups.reason')}</th>
              <th scope="col" className="numeric">
                {t('settings.backups.size')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.data.items.map((backup) => (
              <tr key={backup.file} data-testid={`backup-${backup.file}`}>
                <td title={backup.file}>{format.dateTime(backup.created_at)}</td>
                <td>
                  {t(`settings.backups.reasons.${backup.reason}`, { defaultValue: backup.reason })}
                </td>
                <td className="numeric">{format.bytes(backup.size_bytes)}</td>
                <td className="table__actions">
                  <Button size="sm" variant="ghost" onClick={() => setConfirming(backup.file)}>
                    {t('settings.backups.restore')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('settings.backups.restoreTitle')}
        body={t('settings.backups.restoreBody')}
        confirmLabel={t('settings.backups.restoreConfirm')}
        busy={restore.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          confirming && restore.mutate(confirming, { onSettled: () => setConfirming(null) })
        }
      />
    </section>
  )
}
