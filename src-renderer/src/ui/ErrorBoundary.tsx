import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './Button'

interface ErrorBoundaryProps {
  children: ReactNode
}

interface ErrorBoundaryState {
  failed: boolean
}

/**
 * Keeps a screen that throws while rendering from blanking the whole window: the sidebar
 * stays, the screen says what happened and offers a reload. Reset it by changing its key.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false }

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The renderer has no logger of its own; the devtools console is where this is read.
    console.error('Screen failed to render', error, info.componentStack)
  }

  override render() {
    return this.state.failed ? <ScreenFailed /> : this.props.children
  }
}

function ScreenFailed() {
  const { t } = useTranslation()
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{t('errors.screenFailed')}</p>
      <p className="state__body">{t('errors.screenFailedBody')}</p>
      <div className="state__action">
        <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
      </div>
    </div>
  )
}
