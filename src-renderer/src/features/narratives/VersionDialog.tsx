import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { versionOptions } from '../../api/queries/narratives'
import { useFormat } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { ErrorState } from '../../ui/ErrorState'
import { LoadingState } from '../../ui/Spinner'
import { ManuscriptText } from './ManuscriptText'

interface VersionDialogProps {
  narrativeId: string
  version: number
  isCurrent: boolean
  onRestore(): void
  onClose(): void
}

/** Reads one saved version without touching the current text. */
export function VersionDialog({
  narrativeId,
  version,
  isCurrent,
  onRestore,
  onClose,
}: VersionDialogProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const detail = useQuery(versionOptions(narrativeId, version))
  return (
    <Dialog
      open
      wide
      title={t('versions.viewing', { version })}
      onClose={onClose}
      testId="version-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.close')}
          </Button>
          {!isCurrent && (
            <Button variant="primary" onClick={onRestore} disabled={!detail.data}>
              {t('versions.restoreThis')}
            </Button>
          )}
        </>
      }
    >
      {detail.isPending && <LoadingState />}
      {detail.isError && (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} compact />
      )}
      {detail.data && (
        <>
          <p className="muted">
            {detail.data.title} · {format.dateTime(detail.data.created_at)} ·{' '}
            {t('common.words', {
              count: detail.data.word_count,
              formatted: format.integer(detail.data.word_count),
            })}
          </p>
          <div className="version-text">
            <ManuscriptText text={detail.data.text} testId="version-text" />
          </div>
        </>
      )}
    </Dialog>
  )
}
