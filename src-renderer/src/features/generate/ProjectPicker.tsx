import { useTranslation } from 'react-i18next'
import type { Project } from '@shared/contracts/projects'
import { SelectField, TextField } from '../../ui/Field'

interface ProjectPickerProps {
  projects: Project[]
  value: string
  onChange(projectId: string): void
  /** With no projects yet, the writer names one and it is created on submit. */
  newName: string
  onNewNameChange(name: string): void
  error?: string
}

export function ProjectPicker({
  projects,
  value,
  onChange,
  newName,
  onNewNameChange,
  error,
}: ProjectPickerProps) {
  const { t } = useTranslation()
  if (projects.length === 0) {
    return (
      <TextField
        label={t('generate.fields.newProject')}
        hint={t('generate.newProjectHint')}
        value={newName}
        onChange={(e) => onNewNameChange(e.target.value)}
        error={error}
        maxLength={255}
        data-testid="brief-new-project"
      />
    )
  }
  return (
    <SelectField
      label={t('generate.fields.project')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={projects.map((project) => ({ value: project.id, label: project.name }))}
      error={error}
      data-testid="brief-project"
    />
  )
}
