import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Project } from '@shared/contracts/projects'
import { useFormat } from '../../i18n/format'
import { Button, LinkButton } from '../../ui/Button'

interface ProjectCardProps {
  project: Project
  onEdit(): void
  onExport(): void
  onDelete(): void
}

export function ProjectCard({ project, onEdit, onExport, onDelete }: ProjectCardProps) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <article className="card project-card" data-testid={`project-${project.id}`}>
      <div className="project-card__head">
        <h2 className="project-card__name">{project.name}</h2>
        <div className="project-card__tags">
          {project.default_form && (
            <span className="pill">{t(`forms.${project.default_form}`)}</span>
          )}
          {project.default_genre && (
            <span className="pill">{t(`genres.${project.default_genre}`)}</span>
          )}
        </div>
      </div>
      {project.description && <p className="project-card__description">{project.description}</p>}
      <dl className="counters">
        <div>
          <dt>{t('projects.counters.narratives')}</dt>
          <dd data-testid="project-narrative-count">{format.integer(project.narrative_count)}</dd>
        </div>
        <div>
          <dt>{t('projects.counters.words')}</dt>
          <dd>{format.integer(project.total_word_count)}</dd>
        </div>
        <div>
          <dt>{t('projects.counters.cost')}</dt>
          <dd>{format.usd(project.total_cost_usd)}</dd>
        </div>
      </dl>
      <div className="project-card__actions">
        <LinkButton to={`/generate?project=${project.id}`} size="sm" variant="primary">
          {t('projects.startWork')}
        </LinkButton>
        <Link to={`/narratives?project=${project.id}`} className="card__link">
          {t('projects.viewNarratives')}
        </Link>
        <span className="spacer" />
        <Button
          size="sm"
          variant="ghost"
          onClick={onEdit}
          aria-label={t('projects.editNamed', { name: project.name })}
        >
          {t('common.edit')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={onExport}
          aria-label={t('projects.exportNamed', { name: project.name })}
          data-testid="project-export"
        >
          {t('projects.export')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          className="button--danger-text"
          onClick={onDelete}
          aria-label={t('projects.deleteNamed', { name: project.name })}
          data-testid="project-delete"
        >
          {t('common.delete')}
        </Button>
      </div>
    </article>
  )
}
