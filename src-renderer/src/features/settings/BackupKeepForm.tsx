import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSetBackupKeep } from '../../api/queries/backups'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'

const KEEP = { min: 1, max: 365 }

/** How many automatic backups of each kind are kept; the next prune follows the new number. */
export function BackupKeepForm({ keep }: { keep: number }) {
  const { t } = useTranslation()
  const save = useSetBackupKeep()
  const [value, setValue] = useState(String(keep))
  const wanted = Number(value)
  const valid = Number.isInteger(wanted) && wanted >= KEEP.min && wanted <= KEEP.max

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (valid) save.mutate(wanted)
  }

  return (
    <form onSubmit={submit} noValidate data-testid="backup-keep-form">
      <div className="form-row">
        <TextField
          label={t('settings.backups.keep')}
          type="number"
          min={KEEP.min}
          max={KEEP.max}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={valid ? undefined : t('settings.backups.keepError', KEEP)}
          hint={t('settings.backups.keepHint')}
          data-testid="backup-keep"
        />
      </div>
      <div className="button-row">
        <Button
          type="submit"
          variant="secondary"
          disabled={!valid || wanted === keep}
          busy={save.isPending}
        >
          {t('common.save')}
        </Button>
      </div>
    </form>
  )
}
