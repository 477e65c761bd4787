import { Suspense, useEffect, useRef, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation } from 'react-router'
import { ErrorBoundary } from '../../ui/ErrorBoundary'
import { LoadingState } from '../../ui/Spinner'
import { Sidebar } from './Sidebar'
import { TopBar } from './TopBar'
import { useLiveUpdates } from './useLiveUpdates'

/** Sidebar, top bar and the current screen; owns the push-event connection. */
export function AppShell() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const main = useRef<HTMLElement>(null)
  useLiveUpdates()

  // After navigating, start reading (and tabbing) from the new screen, not the old link.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus({ preventScroll: true })
    main.current?.scrollTo({ top: 0 })
  }, [pathname])

  // A plain #main link would be read as a route by the hash router.
  const skipToMain = (event: MouseEvent) => {
    event.preventDefault()
    main.current?.focus()
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('nav.skipToContent')}
      </a>
      <Sidebar />
      <div className="shell__body">
        <TopBar />
        <main id="main" ref={main} className="shell__main" tabIndex={-1}>
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<LoadingState />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  )
}
