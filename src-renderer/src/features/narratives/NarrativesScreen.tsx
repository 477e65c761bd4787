import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { FORM_VALUES, GENRE_VALUES } from '@shared/contracts/catalog'
import { narrativeListOptions } from '../../api/queries/narratives'
import { formNameOptions, genreOptions } from '../../i18n/catalog-options'
import { projectListOptions } from '../../api/queries/projects'
import { LinkButton } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { SelectField } from '../../ui/Field'
import { PageHeader } from '../../ui/PageHeader'
import { Pagination } from '../../ui/Pagination'
import { LoadingState } from '../../ui/Spinner'
import { NarrativeTable } from './NarrativeTable'

const PAGE_SIZE = 20

/** Finished works, filtered by project, genre and form; the filters live in the URL. */
export function NarrativesScreen() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const projectId = params.get('project') ?? ''
  const genre = pick(params.get('genre'), GENRE_VALUES)
  const form = pick(params.get('form'), FORM_VALUES)
  const page = Math.max(1, Number(params.get('page')) || 1)
  const projects = useQuery(projectListOptions(1, 100))
  const narratives = useQuery(
    narrativeListOptions({
      project_id: projectId || undefined,
      genre,
      form,
      page,
      page_size: PAGE_SIZE,
    }),
  )
  const filtered = Boolean(projectId || genre || form)
  const allOption = { value: '', label: t('common.all') }

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(name, value)
    else next.delete(name)
    if (name !== 'page') next.delete('page')
    setParams(next)
  }

  return (
    <div className="page" data-testid="narratives">
      <PageHeader title={t('narratives.title')} description={t('narratives.intro')} />
      <div className="filters" role="search" aria-label={t('narratives.filters')}>
        <SelectField
          label={t('narratives.filterProject')}
          value={projectId}
          onChange={(e) => setFilter('project', e.target.value)}
          options={[
            allOption,
            ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <SelectField
          label={t('narratives.filterGenre')}
          value={genre ?? ''}
          onChange={(e) => setFilter('genre', e.target.value)}
          options={[allOption, ...genreOptions(t)]}
        />
        <SelectField
          label={t('narratives.filterForm')}
          value={form ?? ''}
          onChange={(e) => setFilter('form', e.target.value)}
          options={[allOption, ...formNameOptions(t)]}
        />
      </div>
      <div className="card card--flush">
        {narratives.isPending && <LoadingState />}
        {narratives.isError && (
          <ErrorState error={narratives.error} onRetry={() => void narratives.refetch()} />
        )}
        {narratives.data?.items.length === 0 && (
          <EmptyState
            title={filtered ? t('narratives.emptyFiltered') : t('narratives.emptyTitle')}
            body={filtered ? undefined : t('narratives.emptyBody')}
            action={
              !filtered && (
                <LinkButton to="/generate" variant="primary">
                  {t('nav.newWork')}
                </LinkButton>
              )
            }
          />
        )}
        {!!narratives.data?.items.length && <NarrativeTable narratives={narratives.data.items} />}
      </div>
      {narratives.data && (
        <Pagination
          page={page}
          totalPages={narratives.data.total_pages}
          onChange={(p) => setFilter('page', String(p))}
        />
      )}
    </div>
  )
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined
}
