import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { versionListOptions } from '../../api/queries/narratives'
import { useFormat } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { LoadingState } from '../../ui/Spinner'
import { VersionDialog } from './VersionDialog'

interface VersionsPanelProps {
  narrativeId: string
  currentVersion: number
  restoring: boolean
  onRestore(version: number): void
}

/** Every saved version, newest first; any of them can be read and brought back. */
export function VersionsPanel({
  narrativeId,
  currentVersion,
  restoring,
  onRestore,
}: VersionsPanelProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const versions = useQuery(versionListOptions(narrativeId))
  const [viewing, setViewing] = useState<number | null>(null)
  const [confirming, setConfirming] = useState<number | null>(null)
  const rows = [...(versions.data ?? [])].sort((a, b) => b.version - a.version)

  const restore = (version: number) => {
    setViewing(null)
    setConfirming(version)
  }

  return (
    <section
      className="card versions"
      aria-labelledby="versions-title"
      data-testid="versions-panel"
    >
      <h2 id="versions-title" className="card__title">
        {t('versions.title')}
      </h2>
      {versions.isPending && <LoadingState />}
      {versions.isError && (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} compact />
      )}
      {versions.data?.length === 0 && <EmptyState title={t('versions.empty')} />}
      <ol className="versions__list">
        {rows.map((row) => (
          <li
            key={row.version}
            className="versions__row"
            data-testid={`version-row-${row.version}`}
          >
            <div className="versions__head">
              <span className="versions__number">
                {t('versions.number', { version: row.version })}
              </span>
              <span className={`pill pill--${row.source}`}>
                {t(`versions.source.${row.source}`)}
              </span>
              {row.version === currentVersion && (
                <span className="pill pill--current">{t('versions.current')}</span>
              )}
            </div>
            <div className="versions__meta">
              {format.dateTime(row.created_at)} ·{' '}
              {t('common.words', {
                count: row.word_count,
                formatted: format.integer(row.word_count),
              })}
            </div>
            <div className="versions__actions">
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setViewing(row.version)}
                data-testid={`version-view-${row.version}`}
              >
                {t('versions.view')}
              </Button>
              {row.version !== currentVersion && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => restore(row.version)}
                  data-testid={`version-restore-${row.version}`}
                >
                  {t('versions.restore')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>

      {viewing !== null && (
        <VersionDialog
          narrativeId={narrativeId}
          version={viewing}
          isCurrent={viewing === currentVersion}
          onRestore={() => restore(viewing)}
          onClose={() => setViewing(null)}
        />
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('versions.restoreTitle', { version: confirming ?? 0 })}
        body={t('versions.restoreBody', { version: confirming ?? 0 })}
        confirmLabel={t('versions.restoreConfirm')}
        tone="primary"
        busy={restoring}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming !== null) onRestore(confirming)
          setConfirming(null)
        }}
      />
    </section>
  )
}
