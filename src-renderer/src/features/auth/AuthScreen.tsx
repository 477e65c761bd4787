import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuthSession } from '../../api/auth-session'
import { Icon } from '../../ui/Icon'
import { LanguageSelect } from '../shell/LanguageSelect'
import { useDocumentTitle } from '../../ui/useDocumentTitle'
import { AuthForm, type AuthMode } from './AuthForm'

/** The signed-out screen: sign in or create an account. */
export function AuthScreen() {
  const { t } = useTranslation()
  const [mode, setMode] = useState<AuthMode>('sign-in')
  const endedBecause = useAuthSession((state) => state.endedBecause)
  const title = mode === 'sign-in' ? t('auth.signInTitle') : t('auth.registerTitle')
  useDocumentTitle(title)

  return (
    <div className="auth">
      <section className="auth__intro" aria-hidden="true">
        <div className="auth__brand">
          <Icon name="feather" size={28} />
          <span>NarraForge</span>
        </div>
        <p className="auth__tagline">{t('auth.tagline')}</p>
        <blockquote className="auth__quote">{t('auth.quote')}</blockquote>
      </section>
      <main className="auth__panel">
        <LanguageSelect className="auth__language" />
        <div className="auth__card">
          <h1 className="auth__title">{title}</h1>
          {endedBecause === 'expired' && (
            <div className="banner banner--info" role="status" data-testid="session-ended">
              {t('auth.sessionEnded')}
            </div>
          )}
          <AuthForm key={mode} mode={mode} />
          <p className="auth__switch">
            {mode === 'sign-in' ? t('auth.noAccount') : t('auth.haveAccount')}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setMode(mode === 'sign-in' ? 'register' : 'sign-in')}
              data-testid="auth-switch"
            >
              {mode === 'sign-in' ? t('auth.createAccount') : t('auth.signIn')}
            </button>
          </p>
        </div>
      </main>
    </div>
  )
}
