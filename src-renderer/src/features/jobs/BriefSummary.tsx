import { useTranslation } from 'react-i18next'
import { useFormat } from '../../i18n/format'

/** The brief a job was started with, read back from its stored JSON. */
export function BriefSummary({ brief }: { brief: Record<string, unknown> }) {
  const { t } = useTranslation()
  const format = useFormat()
  const text = (key: string) => (typeof brief[key] === 'string' ? (brief[key] as string) : '')
  const words = typeof brief.target_words === 'number' ? format.integer(brief.target_words) : '—'
  const facts: [string, string][] = [
    [t('generate.fields.form'), text('form') && t(`forms.${text('form')}`)],
    [t('generate.fields.genre'), text('genre') && t(`genres.${text('genre')}`)],
    [t('generate.fields.targetWords'), words],
    [t('generate.fields.language'), text('language') && t(`languages.${text('language')}`)],
    [t('generate.fields.pov'), text('pov') && t(`pov.${text('pov')}`)],
    [t('generate.fields.tone'), text('tone')],
  ]
  return (
    <section className="card" aria-labelledby="brief-title">
      <h2 id="brief-title" className="card__title">
        {t('jobs.brief')}
      </h2>
      <dl className="facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {text('premise') && <p className="brief-premise">{text('premise')}</p>}
    </section>
  )
}
