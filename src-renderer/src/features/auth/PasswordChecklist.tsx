import { useTranslation } from 'react-i18next'
import { PASSWORD_RULES } from '@shared/contracts/auth'

/** The password rules, ticked off live as the writer types. */
export function PasswordChecklist({ password }: { password: string }) {
  const { t } = useTranslation()
  return (
    <ul
      className="checklist"
      aria-label={t('auth.passwordRules.title')}
      data-testid="password-rules"
    >
      {PASSWORD_RULES.map((rule) => {
        const met = rule.test(password)
        return (
          <li
            key={rule.id}
            className={`checklist__item${met ? ' checklist__item--met' : ''}`}
            data-testid={`password-rule-${rule.id}`}
            data-met={met}
          >
            <span className="checklist__mark" aria-hidden="true">
              {met ? '✓' : '○'}
            </span>
            {t(`auth.passwordRules.${rule.id}`)}
            <span className="visually-hidden">
              {met ? t('auth.passwordRules.met') : t('auth.passwordRules.unmet')}
            </span>
          </li>
        )
      })}
    </ul>
  )
}

export function meetsPasswordRules(password: string): boolean {
  return PASSWORD_RULES.every((rule) => rule.test(password))
}
