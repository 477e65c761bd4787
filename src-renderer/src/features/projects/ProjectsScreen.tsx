import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Project } from '@shared/contracts/projects'
import {
  projectListOptions,
  useDeleteProject,
  useExportProject,
  useImportProject,
} from '../../api/queries/projects'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorState } from '../../ui/ErrorState'
import { Icon } from '../../ui/Icon'
import { PageHeader } from '../../ui/PageHeader'
import { Pagination, pageWithin } from '../../ui/Pagination'
import { LoadingState } from '../../ui/Spinner'
import { ProjectCard } from './ProjectCard'
import { ProjectDialog } from './ProjectDialog'

const PAGE_SIZE = 12

type Editing = { mode: 'create' } | { mode: 'edit'; project: Project } | null

/** Projects group works; each shows how much has been written and spent in it. */
export function ProjectsScreen() {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<Project | null>(null)
  const projects = useQuery(projectListOptions(page, PAGE_SIZE))
  const remove = useDeleteProject()
  const exporting = useExportProject()
  const importing = useImportProject()
  const fileInput = useRef<HTMLInputElement>(null)

  // Deleting the last project on a later page leaves that page empty: show the one before.
  const settled = projects.data && !projects.isPlaceholderData ? projects.data : null
  if (settled && pageWithin(page, settled.total_pages) !== page) {
    setPage(pageWithin(page, settled.total_pages))
  }

  const importButton = (
    <>
      <Button
        busy={importing.isPending}
        onClick={() => fileInput.current?.click()}
        data-testid="project-import"
      >
        {t('projects.import')}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="project-import-file"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) importing.mutate(file)
        }}
      />
    </>
  )

  const createButton = (
    <Button
      variant="primary"
      onClick={() => setEditing({ mode: 'create' })}
      data-testid="project-new"
    >
      <Icon name="plus" />
      {t('projects.new')}
    </Button>
  )

  return (
    <div className="page" data-testid="projects">
      <PageHeader
        title={t('projects.title')}
        description={t('projects.intro')}
        actions={
          <>
            {importButton}
            {createButton}
          </>
        }
      />
      {projects.isPending && <LoadingState />}
      {projects.isError && (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      )}
      {projects.data?.total === 0 && (
        <EmptyState
          title={t('projects.emptyTitle')}
          body={t('projects.emptyBody')}
          action={createButton}
        />
      )}
      {!!projects.data?.items.length && (
        <>
          <div className="card-grid">
            {projects.data.items.map((project) => (
              <ProjectCard
                key={project.id}
                project={project}
                onEdit={() => setEditing({ mode: 'edit', project })}
                onExport={() => exporting.mutate(project)}
                onDelete={() => setDeleting(project)}
              />
            ))}
          </div>
          <Pagination page={page} totalPages={projects.data.total_pages} onChange={setPage} />
        </>
      )}

      {editing && (
        <ProjectDialog
          project={editing.mode === 'edit' ? editing.project : undefined}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('projects.deleteTitle')}
        body={t('projects.deleteBody', {
          name: deleting?.name ?? '',
          count: deleting?.narrative_count ?? 0,
        })}
        confirmLabel={t('projects.deleteConfirm')}
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })
        }
      />
    </div>
  )
}
