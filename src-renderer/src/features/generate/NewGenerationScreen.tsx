import { useQuery } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { isApiError } from '../../api/api-error'
import { useCreateJob } from '../../api/queries/jobs'
import { projectListOptions, useCreateProject } from '../../api/queries/projects'
import { settingsOptions } from '../../api/queries/settings'
import { describeFieldError } from '../../i18n/describe-error'
import { Button } from '../../ui/Button'
import { ErrorBanner, ErrorState } from '../../ui/ErrorState'
import { PageHeader } from '../../ui/PageHeader'
import { LoadingState } from '../../ui/Spinner'
import { BriefProductionFields } from './BriefProductionFields'
import { BriefStoryFields } from './BriefStoryFields'
import { BriefVoiceFields } from './BriefVoiceFields'
import { EstimatePanel } from './EstimatePanel'
import { ProjectPicker } from './ProjectPicker'
import { useBriefForm } from './useBriefForm'

/** The brief form: describe the work, see what it costs, start the pipeline. */
export function NewGenerationScreen() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const formRef = useRef<HTMLFormElement>(null)
  const projects = useQuery(projectListOptions(1, 100))
  const settings = useQuery(settingsOptions())
  const createProject = useCreateProject()
  const createJob = useCreateJob()
  const form = useBriefForm(createJob.error)
  const [chosenProject, setChosenProject] = useState(params.get('project') ?? '')
  const [newProjectName, setNewProjectName] = useState(() => t('generate.defaultProjectName'))

  const projectList = projects.data?.items ?? []
  const projectId = projectList.some((p) => p.id === chosenProject)
    ? chosenProject
    : (projectList[0]?.id ?? '')
  const failure = createJob.error ?? createProject.error
  const quotaExceeded = isApiError(failure, 'quota_exceeded')

  const chooseProject = (id: string) => {
    setChosenProject(id)
    const project = projectList.find((p) => p.id === id)
    if (project) form.applyDefaults({ form: project.default_form, genre: project.default_genre })
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    form.markSubmitted()
    if (!form.brief) {
      // Wait for the errors to render, then take the writer to the first one.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      )
      return
    }
    let targetProject = projectId
    if (!targetProject) {
      const created = await createProject
        .mutateAsync({ name: newProjectName.trim() || t('generate.defaultProjectName') })
        .catch(() => null)
      if (!created) return
      targetProject = created.id
    }
    createJob.mutate(
      { project_id: targetProject, brief: form.brief },
      { onSuccess: (job) => void navigate(`/jobs/${job.id}`) },
    )
  }

  if (projects.isPending) return <LoadingState />
  if (projects.isError)
    return <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />

  return (
    <div className="page page--wide" data-testid="new-generation">
      <PageHeader title={t('generate.title')} description={t('generate.intro')} />
      {settings.data?.generation_available === false && (
        <div className="banner banner--info" role="status">
          {t('generate.noProvider')} <Link to="/settings">{t('generate.openSettings')}</Link>
        </div>
      )}
      <form ref={formRef} className="brief-layout" onSubmit={(e) => void submit(e)} noValidate>
        <div className="brief-layout__main">
          <BriefStoryFields {...form.section} />
          <BriefVoiceFields {...form.section} />
        </div>
        <aside className="brief-layout__aside">
          <div className="card card--sticky">
            <ProjectPicker
              projects={projectList}
              value={projectId}
              onChange={chooseProject}
              newName={newProjectName}
              onNewNameChange={setNewProjectName}
              error={
                describeFieldError(
                  createJob.error,
                  'project_id',
                  t,
                  'generate.errors.projectInvalid',
                ) ??
                describeFieldError(createProject.error, 'name', t, 'projects.nameInvalid', {
                  max: 255,
                })
              }
            />
            <BriefProductionFields {...form.section} />
            <EstimatePanel brief={form.brief} />
            {quotaExceeded && (
              <div className="banner banner--error" role="alert" data-testid="quota-exceeded">
                <strong>{t('generate.quotaTitle')}</strong> {t('generate.quotaBody')}{' '}
                <Link to="/">{t('generate.quotaLink')}</Link>
              </div>
            )}
            {failure && !quotaExceeded && !isApiError(failure, 'validation') && (
              <ErrorBanner error={failure} />
            )}
            <Button
              type="submit"
              variant="primary"
              className="button--block"
              busy={createJob.isPending || createProject.isPending}
              data-testid="brief-submit"
            >
              {t('generate.submit')}
            </Button>
          </div>
        </aside>
      </form>
    </div>
  )
}
