import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { narrativeOptions } from '../../api/queries/narratives'
import { ErrorState } from '../../ui/ErrorState'
import { PageHeader } from '../../ui/PageHeader'
import { LoadingState } from '../../ui/Spinner'
import { ExportButtons } from './ExportButtons'
import { NarrativeEditor, type SaveFirst } from './NarrativeEditor'

/** Edit a narrative's text; every pause saves a version, any version can be restored. */
export function EditorScreen() {
  const { t } = useTranslation()
  const { narrativeId = '' } = useParams()
  const narrative = useQuery({ ...narrativeOptions(narrativeId), staleTime: Infinity })
  const [loads, setLoads] = useState(0)
  // The editor fills this in: exports read the server's copy, so pending edits go first.
  const saveFirst = useRef<SaveFirst>(() => Promise.resolve())

  if (narrative.isPending) return <LoadingState />
  if (narrative.isError)
    return <ErrorState error={narrative.error} onRetry={() => void narrative.refetch()} />

  const reload = async () => {
    await narrative.refetch()
    setLoads((n) => n + 1)
  }

  return (
    <div className="page page--wide" data-testid="editor-screen">
      <PageHeader
        eyebrow={<Link to={`/narratives/${narrativeId}`}>← {t('editor.backToReader')}</Link>}
        title={t('editor.title')}
        actions={
          <ExportButtons narrativeId={narrativeId} beforeExport={() => saveFirst.current()} />
        }
      />
      <NarrativeEditor
        key={loads}
        narrative={narrative.data}
        onReload={() => void reload()}
        saveFirstRef={saveFirst}
      />
    </div>
  )
}
