import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobStatus } from '@shared/contracts/jobs'
import { proseSegments } from '../../api/prose-accumulator'
import { jobProseOptions } from '../../api/queries/jobs'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { LoadingState } from '../../ui/Spinner'
import { ManuscriptText } from '../narratives/ManuscriptText'

/** How close to the bottom counts as "following along" when new text arrives. */
const FOLLOW_MARGIN_PX = 80

function emptyKey(status: JobStatus): string {
  if (status === 'queued' || status === 'running') return 'jobs.proseWaiting'
  return status === 'completed' ? 'jobs.proseFinished' : 'jobs.proseNone'
}

/**
 * Prose as the model writes it, segment by segment, following along unless scrolled away.
 * What the job wrote before the page opened comes from the server; the rest streams in.
 */
export function ProseStream({ jobId, status }: { jobId: string; status: JobStatus }) {
  const { t } = useTranslation()
  const prose = useQuery(jobProseOptions(jobId))
  const box = useRef<HTMLDivElement>(null)
  const following = useRef(true)
  const segments = prose.data ? proseSegments(prose.data) : []
  const length = prose.data?.length ?? 0

  useEffect(() => {
    const element = box.current
    if (element && following.current) element.scrollTop = element.scrollHeight
  }, [length])

  const onScroll = () => {
    const element = box.current
    if (!element) return
    following.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_MARGIN_PX
  }

  return (
    <div
      ref={box}
      className="prose-stream"
      onScroll={onScroll}
      tabIndex={0}
      aria-label={t('jobs.prose')}
      data-testid="job-prose"
      data-length={length}
    >
      {segments.length === 0 && prose.isPending && <LoadingState />}
      {segments.length === 0 && prose.isSuccess && <EmptyState title={t(emptyKey(status))} />}
      {prose.isError && (
        <ErrorState error={prose.error} onRetry={() => void prose.refetch()} compact />
      )}
      {segments.map(({ segment, text }) => (
        <section key={segment} className="prose-stream__segment" data-segment={segment}>
          <ManuscriptText text={text} />
        </section>
      ))}
      {status === 'running' && segments.length > 0 && (
        <span className="prose-stream__caret" aria-hidden="true" />
      )}
    </div>
  )
}
