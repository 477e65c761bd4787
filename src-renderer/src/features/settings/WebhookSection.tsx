import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { User } from '@shared/contracts/auth'
import { isApiError } from '../../api/api-error'
import { meOptions, useUpdateAccount } from '../../api/queries/auth'
import { describeFieldError } from '../../i18n/describe-error'
import { Button } from '../../ui/Button'
import { ErrorBanner, ErrorState } from '../../ui/ErrorState'
import { TextField } from '../../ui/Field'
import { LoadingState } from '../../ui/Spinner'

/** The job webhook: where the server posts when one of the writer's jobs ends. */
export function WebhookSection() {
  const me = useQuery(meOptions())
  return (
    <section className="card" aria-labelledby="webhook-title" data-testid="webhook">
      <WebhookTitle />
      {me.isPending && <LoadingState />}
      {me.isError && <ErrorState error={me.error} onRetry={() => void me.refetch()} compact />}
      {me.data && <WebhookForm key={me.data.webhook_url ?? ''} user={me.data} />}
    </section>
  )
}

function WebhookTitle() {
  const { t } = useTranslation()
  return (
    <>
      <h2 id="webhook-title" className="card__title">
        {t('settings.webhook.title')}
      </h2>
      <p className="muted">{t('settings.webhook.intro')}</p>
    </>
  )
}

/** Mounted afresh (by key) whenever the saved address changes, so it starts from it. */
function WebhookForm({ user }: { user: User }) {
  const { t } = useTranslation()
  const update = useUpdateAccount()
  const saved = user.webhook_url ?? ''
  const [url, setUrl] = useState(saved)
  const [touched, setTouched] = useState(false)
  const trimmed = url.trim()
  const looksValid = trimmed === '' || /^https?:\/\/\S+$/i.test(trimmed)

  const save = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (looksValid) update.mutate({ webhook_url: trimmed })
  }

  const error =
    (touched && !looksValid ? t('settings.webhook.invalid') : undefined) ??
    describeFieldError(update.error, 'webhook_url', t, 'settings.webhook.invalid')

  return (
    <form onSubmit={save} noValidate className="stack">
      <TextField
        label={t('settings.webhook.url')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://example.com/narraforge"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        hint={t('settings.webhook.hint')}
        error={error}
        maxLength={2000}
        data-testid="webhook-url"
      />
      {update.error && !isApiError(update.error, 'validation') && (
        <ErrorBanner error={update.error} />
      )}
      <div className="button-row">
        <Button
          type="submit"
          variant="primary"
          disabled={trimmed === saved}
          busy={update.isPending}
          data-testid="webhook-save"
        >
          {t('common.save')}
        </Button>
        {saved && (
          <Button
            variant="ghost"
            className="button--danger-text"
            onClick={() => update.mutate({ webhook_url: '' })}
            data-testid="webhook-remove"
          >
            {t('settings.webhook.remove')}
          </Button>
        )}
      </div>
    </form>
  )
}
