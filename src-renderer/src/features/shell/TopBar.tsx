import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { meOptions, useSignOut } from '../../api/queries/auth'
import { Button } from '../../ui/Button'
import { Icon } from '../../ui/Icon'
import { HealthDot } from '../health/HealthDot'

export function TopBar() {
  const { t } = useTranslation()
  const me = useQuery(meOptions())
  const signOut = useSignOut()
  const name = me.data?.full_name || me.data?.email
  return (
    <header className="topbar">
      <HealthDot />
      <div className="topbar__user">
        {name && (
          <span className="topbar__name" data-testid="user-name">
            {name}
          </span>
        )}
        <Button
          variant="ghost"
          size="sm"
          icon={<Icon name="logout" size={16} />}
          busy={signOut.isPending}
          onClick={() => signOut.mutate()}
          data-testid="sign-out"
        >
          {t('nav.signOut')}
        </Button>
      </div>
    </header>
  )
}
