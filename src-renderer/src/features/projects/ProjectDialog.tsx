import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Form, Genre } from '@shared/contracts/catalog'
import type { Project, ProjectCreate } from '@shared/contracts/projects'
import { isApiError } from '../../api/api-error'
import { describeFieldError } from '../../i18n/describe-error'
import { useCreateProject, useUpdateProject } from '../../api/queries/projects'
import { useFormat } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { ErrorBanner } from '../../ui/ErrorState'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { formOptions, genreOptions, withNone } from '../../i18n/catalog-options'

interface ProjectDialogProps {
  /** The project to edit; none to create one. */
  project?: Project
  onClose(): void
}

/** Create or edit a project; mount it only while open so each opening starts fresh. */
export function ProjectDialog({ project, onClose }: ProjectDialogProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const create = useCreateProject()
  const update = useUpdateProject()
  const action = project ? update : create
  const [name, setName] = useState(project?.name ?? '')
  const [description, setDescription] = useState(project?.description ?? '')
  const [genre, setGenre] = useState<string>(project?.default_genre ?? '')
  const [form, setForm] = useState<string>(project?.default_form ?? '')
  const [touched, setTouched] = useState(false)

  const error = action.error
  const nameError =
    touched && !name.trim()
      ? t('projects.nameRequired')
      : describeFieldError(error, 'name', t, 'projects.nameInvalid', { max: 255 })

  const submit = () => {
    setTouched(true)
    if (!name.trim()) return
    const input: ProjectCreate = {
      name: name.trim(),
      description: description.trim() || null,
      default_genre: (genre || null) as Genre | null,
      default_form: (form || null) as Form | null,
    }
    const options = { onSuccess: onClose }
    if (project) update.mutate({ id: project.id, changes: input }, options)
    else create.mutate(input, options)
  }

  return (
    <Dialog
      open
      title={project ? t('projects.editTitle') : t('projects.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      testId="project-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            busy={action.isPending}
            data-testid="project-save"
          >
            {project ? t('common.save') : t('projects.create')}
          </Button>
        </>
      }
    >
      <TextField
        label={t('projects.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={nameError}
        maxLength={255}
        autoFocus
        name="name"
      />
      <TextAreaField
        label={t('projects.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={describeFieldError(error, 'description', t, 'projects.descriptionTooLong', {
          max: 5000,
        })}
        rows={3}
        maxLength={5000}
        name="description"
      />
      <div className="form-row">
        <SelectField
          label={t('projects.defaultGenre')}
          value={genre}
          onChange={(e) => setGenre(e.target.value)}
          options={withNone(t, genreOptions(t))}
        />
        <SelectField
          label={t('projects.defaultForm')}
          value={form}
          onChange={(e) => setForm(e.target.value)}
          options={withNone(t, formOptions(t, format))}
        />
      </div>
      {error && !isApiError(error, 'validation') && <ErrorBanner error={error} />}
    </Dialog>
  )
}
