import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsView } from '@shared/contracts/settings'
import { useTestProvider, useUpdateSettings } from '../../api/queries/settings'
import { describeError } from '../../i18n/describe-error'
import { useFormat } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { describeCheck } from '../health/check-detail'
import { TextField } from '../../ui/Field'
import { StatusDot } from '../../ui/StatusDot'

type ProviderView = SettingsView['providers'][number]

/**
 * One provider's key and address. Keys are write-only: the field starts empty, the saved key
 * shows only as its last characters, and an empty field leaves the saved key alone.
 */
export function ProviderCard({ provider }: { provider: ProviderView }) {
  const { t } = useTranslation()
  const format = useFormat()
  const update = useUpdateSettings()
  const test = useTestProvider()
  const [apiKey, setApiKey] = useState('')
  const [baseUrl, setBaseUrl] = useState(provider.base_url ?? '')
  const isLocal = provider.name === 'local'
  // A short key is saved without a hint; a cloud provider is set up only by its key.
  const hasKey = provider.key_hint !== null || (!isLocal && provider.configured)
  const changed = apiKey.trim() !== '' || (isLocal && baseUrl.trim() !== (provider.base_url ?? ''))

  const save = (event: FormEvent) => {
    event.preventDefault()
    const change = {
      name: provider.name,
      ...(apiKey.trim() ? { api_key: apiKey.trim() } : {}),
      ...(isLocal ? { base_url: baseUrl.trim() } : {}),
    }
    update.mutate({ providers: [change] }, { onSuccess: () => setApiKey('') })
  }
  const removeKey = () => update.mutate({ providers: [{ name: provider.name, api_key: '' }] })

  return (
    <form
      className="card provider"
      onSubmit={save}
      noValidate
      data-testid={`provider-${provider.name}`}
    >
      <div className="card__header">
        <h3 className="card__title">{t(`providers.${provider.name}`)}</h3>
        <span className="pill">
          <StatusDot tone={provider.configured ? 'ok' : 'idle'} />
          {provider.configured
            ? t('settings.providers.configured')
            : t('settings.providers.notConfigured')}
        </span>
      </div>
      <TextField
        label={isLocal ? t('settings.providers.apiKeyOptional') : t('settings.providers.apiKey')}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value)}
        placeholder={hasKey ? t('settings.providers.keyPlaceholder') : ''}
        hint={
          provider.key_hint
            ? t('settings.providers.keyHint', { hint: provider.key_hint })
            : hasKey
              ? t('settings.providers.keySaved')
              : t('settings.providers.noKey')
        }
        data-testid={`provider-key-${provider.name}`}
      />
      {isLocal && (
        <TextField
          label={t('settings.providers.baseUrl')}
          type="url"
          placeholder="http://127.0.0.1:11434/v1"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          hint={t('settings.providers.baseUrlHint')}
          data-testid="provider-base-url"
        />
      )}
      <div className="button-row">
        <Button
          type="submit"
          variant="primary"
          size="sm"
          disabled={!changed}
          busy={update.isPending}
        >
          {t('common.save')}
        </Button>
        <Button
          size="sm"
          onClick={() => test.mutate(provider.name)}
          busy={test.isPending}
          disabled={!provider.configured}
          data-testid={`provider-test-${provider.name}`}
        >
          {t('settings.providers.test')}
        </Button>
        {hasKey && (
          <Button size="sm" variant="ghost" className="button--danger-text" onClick={removeKey}>
            {t('settings.providers.removeKey')}
          </Button>
        )}
      </div>
      {(test.data || test.error) && (
        <p
          className={`test-result test-result--${test.data?.ok ? 'ok' : 'failed'}`}
          role="status"
          data-testid={`provider-test-result-${provider.name}`}
        >
          {test.data?.ok && t('settings.providers.testOk', { ms: format.ms(test.data.latency_ms) })}
          {test.data &&
            !test.data.ok &&
            t('settings.providers.testFailed', { detail: describeCheck(test.data, t, format) })}
          {test.error &&
            t('settings.providers.testFailed', { detail: describeError(test.error, t) })}
        </p>
      )}
    </form>
  )
}
