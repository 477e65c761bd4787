import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { LinkButton } from '../../ui/Button'
import { Icon, type IconName } from '../../ui/Icon'

const LINKS: { to: string; key: string; icon: IconName; end?: boolean }[] = [
  { to: '/', key: 'nav.dashboard', icon: 'home', end: true },
  { to: '/projects', key: 'nav.projects', icon: 'folder' },
  { to: '/jobs', key: 'nav.jobs', icon: 'queue' },
  { to: '/narratives', key: 'nav.narratives', icon: 'book' },
  { to: '/usage', key: 'nav.usage', icon: 'chart' },
  { to: '/health', key: 'nav.health', icon: 'pulse' },
  { to: '/settings', key: 'nav.settings', icon: 'gear' },
]

export function Sidebar() {
  const { t } = useTranslation()
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          <Icon name="feather" size={20} />
        </span>
        <span className="sidebar__name">NarraForge</span>
      </div>
      <LinkButton
        to="/generate"
        variant="primary"
        className="sidebar__new"
        data-testid="new-work-button"
      >
        <Icon name="plus" />
        {t('nav.newWork')}
      </LinkButton>
      <nav className="sidebar__nav" aria-label={t('nav.main')}>
        <ul>
          {LINKS.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end} className="sidebar__link">
                <Icon name={link.icon} />
                <span>{t(link.key)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  )
}
