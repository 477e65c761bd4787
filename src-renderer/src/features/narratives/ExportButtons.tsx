import { useTranslation } from 'react-i18next'
import { EXPORT_FORMATS } from '@shared/contracts/narratives'
import { useExportNarrative } from '../../api/queries/narratives'
import { Button } from '../../ui/Button'

interface ExportButtonsProps {
  narrativeId: string
  /** Runs before each export; it may refuse by throwing, e.g. when edits could not be saved. */
  beforeExport?: () => Promise<void>
}

/** One button per export format; the file goes through the usual save flow. */
export function ExportButtons({ narrativeId, beforeExport }: ExportButtonsProps) {
  const { t } = useTranslation()
  const exporting = useExportNarrative(narrativeId, beforeExport)
  return (
    <div className="export" role="group" aria-label={t('export.title')}>
      <span className="export__label">{t('export.title')}</span>
      {EXPORT_FORMATS.map((format) => (
        <Button
          key={format}
          size="sm"
          variant="ghost"
          busy={exporting.isPending && exporting.variables === format}
          disabled={exporting.isPending}
          onClick={() => exporting.mutate(format)}
          title={t(`export.hint.${format}`)}
          data-testid={`export-${format}`}
        >
          {t(`export.format.${format}`)}
        </Button>
      ))}
    </div>
  )
}
