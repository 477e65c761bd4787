import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { settingsOptions } from '../../api/queries/settings'
import { ErrorState } from '../../ui/ErrorState'
import { PageHeader } from '../../ui/PageHeader'
import { LoadingState } from '../../ui/Spinner'
import { Tabs } from '../../ui/Tabs'
import { AppearanceSection } from './AppearanceSection'
import { BackupsSection } from './BackupsSection'
import { GenerationSection } from './GenerationSection'
import { PricesSection } from './PricesSection'
import { ProviderCard } from './ProviderCard'
import { StageModelsSection } from './StageModelsSection'
import { WebhookSection } from './WebhookSection'

const SECTIONS = [
  'providers',
  'models',
  'prices',
  'generation',
  'notifications',
  'appearance',
  'backups',
] as const
/** Sections that are the writer's own or this window's, not the app's settings. */
const LOCAL_SECTIONS: readonly Section[] = ['notifications', 'appearance', 'backups']
type Section = (typeof SECTIONS)[number]

/** Everything that can be set, one tab per concern; the tab lives in the URL. */
export function SettingsScreen() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const requested = params.get('section') as Section | null
  const section: Section = requested && SECTIONS.includes(requested) ? requested : 'providers'
  const needsServer = !LOCAL_SECTIONS.includes(section)
  const settings = useQuery({ ...settingsOptions(), enabled: needsServer })

  return (
    <div className="page" data-testid="settings">
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <Tabs<Section>
        label={t('settings.sectionsLabel')}
        value={section}
        onChange={(next) => setParams({ section: next })}
        options={SECTIONS.map((value) => ({ value, label: t(`settings.sections.${value}`) }))}
        controls="settings-panel"
      />
      <div id="settings-panel" role="tabpanel" className="stack">
        {needsServer && settings.isPending && <LoadingState />}
        {needsServer && settings.isError && (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        )}
        {section === 'providers' && settings.data && (
          <>
            {!settings.data.generation_available && (
              <div className="banner banner--info" role="status">
                {t('settings.providers.noneYet')}
              </div>
            )}
            <div className="card-grid card-grid--3">
              {settings.data.providers.map((provider) => (
                <ProviderCard key={provider.name} provider={provider} />
              ))}
            </div>
          </>
        )}
        {section === 'models' && settings.data && <StageModelsSection settings={settings.data} />}
        {section === 'prices' && settings.data && <PricesSection settings={settings.data} />}
        {section === 'generation' && settings.data && (
          <GenerationSection settings={settings.data} />
        )}
        {section === 'notifications' && <WebhookSection />}
        {section === 'appearance' && <AppearanceSection />}
        {section === 'backups' && <BackupsSection />}
      </div>
    </div>
  )
}
