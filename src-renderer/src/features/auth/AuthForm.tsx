import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/api-error'
import { useRegister, useSignIn } from '../../api/queries/auth'
import { describeFieldError } from '../../i18n/describe-error'
import { Button } from '../../ui/Button'
import { ErrorBanner } from '../../ui/ErrorState'
import { TextField } from '../../ui/Field'
import { meetsPasswordRules, PasswordChecklist } from './PasswordChecklist'
import { useCountdown } from './useCountdown'

export type AuthMode = 'sign-in' | 'register'

/** Sign-in and registration share fields, server errors in place and the rate-limit wait. */
export function AuthForm({ mode }: { mode: AuthMode }) {
  const { t } = useTranslation()
  const signIn = useSignIn()
  const register = useRegister()
  const action = mode === 'sign-in' ? signIn : register
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [fullName, setFullName] = useState('')
  const [touched, setTouched] = useState(false)
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null)
  const waitSeconds = useCountdown(blockedUntil)

  const error = action.error
  const rateLimited = isApiError(error, 'rate_limited')
  const fieldError = (field: string, key: string, values?: Record<string, number>) =>
    describeFieldError(error, field, t, key, values)
  const passwordOk = mode === 'sign-in' ? password.length > 0 : meetsPasswordRules(password)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!email.trim() || !passwordOk || waitSeconds > 0) return
    const onError = (failure: unknown) => {
      if (isApiError(failure, 'rate_limited')) {
        setBlockedUntil(Date.now() + (failure.retryAfter ?? 60) * 1000)
      }
    }
    if (mode === 'sign-in') signIn.mutate({ email, password }, { onError })
    else register.mutate({ email, password, full_name: fullName.trim() || undefined }, { onError })
  }

  return (
    <form className="auth-form" onSubmit={submit} noValidate data-testid={`${mode}-form`}>
      {mode === 'register' && (
        <TextField
          label={t('auth.fullName')}
          autoComplete="name"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          error={fieldError('full_name', 'auth.fullNameTooLong', { max: 255 })}
          name="full_name"
        />
      )}
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={
          fieldError('email', 'auth.emailInvalid') ??
          (touched && !email.trim() ? t('auth.emailRequired') : null)
        }
        name="email"
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={
          fieldError(
            'password',
            mode === 'sign-in' ? 'auth.passwordRequired' : 'auth.passwordWeak',
          ) ??
          (touched && !passwordOk
            ? t(mode === 'sign-in' ? 'auth.passwordRequired' : 'auth.passwordWeak')
            : null)
        }
        name="password"
      />
      {mode === 'register' && <PasswordChecklist password={password} />}
      {waitSeconds > 0 ? (
        <div className="banner banner--warning" role="alert" data-testid="rate-limit">
          {t('auth.rateLimited', { seconds: waitSeconds })}
        </div>
      ) : (
        !rateLimited && error && !hasFieldErrors(error) && <FailureBanner error={error} />
      )}
      <Button
        type="submit"
        variant="primary"
        className="auth-form__submit"
        busy={action.isPending}
        disabled={waitSeconds > 0}
        data-testid="auth-submit"
      >
        {mode === 'sign-in' ? t('auth.signIn') : t('auth.createAccount')}
      </Button>
    </form>
  )
}

/** Sign-in's own refusals read better in the writer's words than in the server's. */
function FailureBanner({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const known = isApiError(error)
    ? error.status === 401
      ? t('auth.wrongCredentials')
      : error.status === 409
        ? t('auth.emailTaken')
        : null
    : null
  if (!known) return <ErrorBanner error={error} />
  return (
    <div className="banner banner--error" role="alert" data-testid="auth-error">
      {known}
    </div>
  )
}

function hasFieldErrors(error: unknown): boolean {
  return isApiError(error) && error.fieldErrors.length > 0
}
