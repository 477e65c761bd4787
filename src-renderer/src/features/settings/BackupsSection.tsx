import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { backupListOptions, useCreateBackup, useRestoreBackup } from '../../api/queries/backups'
import { useFormat } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { LoadingState } from '../../ui/Spinner'

/** Backups of the data folder: take one now, or stage one to be restored at the next start. */
export function BackupsSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const backups = useQuery(backupListOptions())
  const create = useCreateBackup()
  const restore = useRestoreBackup()
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
          {restore.data?.message ?? t('settings.backups.restartRequired')}
        </div>
      )}
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
