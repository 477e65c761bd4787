import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { NarrativeSummary } from '@shared/contracts/narratives'
import { useFormat } from '../../i18n/format'

interface NarrativeTableProps {
  narratives: NarrativeSummary[]
  compact?: boolean
}

export function NarrativeTable({ narratives, compact = false }: NarrativeTableProps) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <table className="table" data-testid="narrative-table">
      <thead>
        <tr>
          <th scope="col">{t('narratives.columns.title')}</th>
          <th scope="col">{t('narratives.columns.form')}</th>
          {!compact && <th scope="col">{t('narratives.columns.genre')}</th>}
          <th scope="col" className="numeric">
            {t('narratives.columns.words')}
          </th>
          {!compact && (
            <th scope="col" className="numeric">
              {t('narratives.columns.version')}
            </th>
          )}
          <th scope="col">{t('narratives.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {narratives.map((narrative) => (
          <tr key={narrative.id} data-testid={`narrative-row-${narrative.id}`}>
            <td>
              <Link to={`/narratives/${narrative.id}`} className="table__link">
                {narrative.title || t('narratives.untitled')}
              </Link>
            </td>
            <td>{t(`forms.${narrative.form}`)}</td>
            {!compact && <td>{t(`genres.${narrative.genre}`)}</td>}
            <td className="numeric">{format.integer(narrative.word_count)}</td>
            {!compact && <td className="numeric">{narrative.version}</td>}
            <td className="muted">{format.date(narrative.updated_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
