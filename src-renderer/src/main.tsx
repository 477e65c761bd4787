import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HashRouter } from 'react-router'
import { useAuthSession } from './api/auth-session'
import { restoreSession } from './api/client'
import { queryClient } from './api/query-client'
import { App } from './App'
import { startI18n } from './i18n'
import './styles/index.css'

startI18n()

// Whatever ends a session (sign-out, a refused refresh), nothing of it may stay on screen.
useAuthSession.subscribe((state, previous) => {
  if (state.status === 'signed-out' && previous.status === 'signed-in') queryClient.clear()
})
void restoreSession()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* Electron loads the app from file://, where only hash URLs survive a reload. */}
      <HashRouter>
        <App />
      </HashRouter>
    </QueryClientProvider>
  </StrictMode>,
)
