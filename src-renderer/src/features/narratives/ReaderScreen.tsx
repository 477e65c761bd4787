import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { narrativeOptions, useDeleteNarrative } from '../../api/queries/narratives'
import { useFormat } from '../../i18n/format'
import { Button, LinkButton } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { ErrorState } from '../../ui/ErrorState'
import { LoadingState } from '../../ui/Spinner'
import { useDocumentTitle } from '../../ui/useDocumentTitle'
import { ExportButtons } from './ExportButtons'
import { ManuscriptText } from './ManuscriptText'

/** The finished work set for reading, with editing, exports and deletion at hand. */
export function ReaderScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const navigate = useNavigate()
  const { narrativeId = '' } = useParams()
  const narrative = useQuery(narrativeOptions(narrativeId))
  const remove = useDeleteNarrative()
  const [confirming, setConfirming] = useState(false)
  useDocumentTitle(narrative.data?.title)

  if (narrative.isPending) return <LoadingState />
  if (narrative.isError)
    return <ErrorState error={narrative.error} onRetry={() => void narrative.refetch()} />
  const data = narrative.data

  return (
    <div className="page page--reader" data-testid="reader">
      <div className="reader__bar">
        <Link to="/narratives">← {t('narratives.title')}</Link>
        <div className="button-row">
          <LinkButton
            to={`/narratives/${data.id}/edit`}
            variant="primary"
            size="sm"
            data-testid="reader-edit"
          >
            {t('common.edit')}
          </LinkButton>
          <Button
            size="sm"
            variant="ghost"
            className="button--danger-text"
            onClick={() => setConfirming(true)}
          >
            {t('common.delete')}
          </Button>
        </div>
      </div>
      <article className="reader">
        <header className="reader__header">
          <p className="reader__eyebrow">
            {t(`forms.${data.form}`)} · {t(`genres.${data.genre}`)}
          </p>
          <h1 className="reader__title">{data.title || t('narratives.untitled')}</h1>
          <p className="reader__meta">
            {t('common.words', {
              count: data.word_count,
              formatted: format.integer(data.word_count),
            })}{' '}
            · {t('narratives.versionN', { version: data.version })} · {format.date(data.updated_at)}
          </p>
        </header>
        {data.text.trim() ? (
          <ManuscriptText text={data.text} testId="reader-text" />
        ) : (
          <p className="muted">{t('narratives.noText')}</p>
        )}
      </article>
      <div className="reader__footer">
        <ExportButtons narrativeId={data.id} />
      </div>

      <ConfirmDialog
        open={confirming}
        title={t('narratives.deleteTitle')}
        body={t('narratives.deleteBody', { title: data.title })}
        confirmLabel={t('narratives.deleteConfirm')}
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(data.id, {
            onSuccess: () => void navigate('/narratives'),
            onSettled: () => setConfirming(false),
          })
        }
      />
    </div>
  )
}
