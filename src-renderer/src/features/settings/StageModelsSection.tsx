import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { STAGE_VALUES, type Stage } from '@shared/contracts/catalog'
import { PROVIDER_VALUES, type ModelChoice } from '@shared/contracts/jobs'
import type { SettingsView } from '@shared/contracts/settings'
import { useUpdateSettings } from '../../api/queries/settings'
import { Button } from '../../ui/Button'
import { SelectField } from '../../ui/Field'

type Provider = ModelChoice['provider']

/** Which provider and model each pipeline stage uses, and where to fall back. */
export function StageModelsSection({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation()
  const update = useUpdateSettings()
  const [models, setModels] = useState(settings.stage_models)
  const [fallback, setFallback] = useState<Provider | ''>(settings.fallback_provider ?? '')
  const providerOptions = PROVIDER_VALUES.map((value) => ({
    value,
    label: t(`providers.${value}`),
  }))
  const complete = STAGE_VALUES.every((stage) => models[stage]?.model.trim())

  const setStage = (stage: Stage, change: Partial<ModelChoice>) =>
    setModels((current) => ({ ...current, [stage]: { ...current[stage], ...change } }))

  return (
    <section className="card" aria-labelledby="models-title">
      <h2 id="models-title" className="card__title">
        {t('settings.models.title')}
      </h2>
      <p className="muted">{t('settings.models.intro')}</p>
      <table className="table table--dense table--form" data-testid="stage-models">
        <thead>
          <tr>
            <th scope="col">{t('settings.models.stage')}</th>
            <th scope="col">{t('settings.models.provider')}</th>
            <th scope="col">{t('settings.models.model')}</th>
          </tr>
        </thead>
        <tbody>
          {STAGE_VALUES.map((stage) => (
            <tr key={stage}>
              <th scope="row">{t(`stages.${stage}`)}</th>
              <td>
                <select
                  className="input select"
                  aria-label={t('settings.models.providerFor', { stage: t(`stages.${stage}`) })}
                  value={models[stage]?.provider ?? 'openai'}
                  onChange={(e) => setStage(stage, { provider: e.target.value as Provider })}
                >
                  {providerOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  className="input"
                  aria-label={t('settings.models.modelFor', { stage: t(`stages.${stage}`) })}
                  value={models[stage]?.model ?? ''}
                  onChange={(e) => setStage(stage, { model: e.target.value })}
                  spellCheck={false}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SelectField
        className="field--narrow"
        label={t('settings.models.fallback')}
        hint={t('settings.models.fallbackHint')}
        value={fallback}
        onChange={(e) => setFallback(e.target.value as Provider | '')}
        options={[{ value: '', label: t('common.none') }, ...providerOptions]}
      />
      <div className="button-row">
        <Button
          variant="primary"
          disabled={!complete}
          busy={update.isPending}
          onClick={() =>
            update.mutate({ stage_models: models, fallback_provider: fallback || null })
          }
          data-testid="save-models"
        >
          {t('common.save')}
        </Button>
      </div>
    </section>
  )
}
