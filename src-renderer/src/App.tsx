import { Route, Routes } from 'react-router'
import { useAuthSession } from './api/auth-session'
import { AuthScreen } from './features/auth/AuthScreen'
import { DashboardScreen } from './features/dashboard/DashboardScreen'
import { AppShell } from './features/shell/AppShell'
import { lazyScreen } from './features/shell/lazy-screen'
import { NotFoundScreen } from './features/shell/NotFoundScreen'
import { useAppliedTheme } from './features/shell/useAppliedTheme'
import { LoadingState } from './ui/Spinner'
import { Toaster } from './ui/Toaster'

// Every screen but the dashboard loads on first visit; the usage screen's chart library is
// the largest dependency of all.
const ProjectsScreen = lazyScreen(
  () => import('./features/projects/ProjectsScreen'),
  'ProjectsScreen',
)
const NewGenerationScreen = lazyScreen(
  () => import('./features/generate/NewGenerationScreen'),
  'NewGenerationScreen',
)
const JobsScreen = lazyScreen(() => import('./features/jobs/JobsScreen'), 'JobsScreen')
const JobScreen = lazyScreen(() => import('./features/jobs/JobScreen'), 'JobScreen')
const NarrativesScreen = lazyScreen(
  () => import('./features/narratives/NarrativesScreen'),
  'NarrativesScreen',
)
const ReaderScreen = lazyScreen(() => import('./features/narratives/ReaderScreen'), 'ReaderScreen')
const EditorScreen = lazyScreen(() => import('./features/narratives/EditorScreen'), 'EditorScreen')
const UsageScreen = lazyScreen(() => import('./features/usage/UsageScreen'), 'UsageScreen')
const HealthScreen = lazyScreen(() => import('./features/health/HealthScreen'), 'HealthScreen')
const SettingsScreen = lazyScreen(
  () => import('./features/settings/SettingsScreen'),
  'SettingsScreen',
)

/** The table of contents: who is signed in decides between the sign-in screen and the app. */
export function App() {
  useAppliedTheme()
  const status = useAuthSession((state) => state.status)
  return (
    <>
      {status === 'restoring' && (
        <div className="splash">
          <LoadingState />
        </div>
      )}
      {status === 'signed-out' && <AuthScreen />}
      {status === 'signed-in' && <SignedInRoutes />}
      <Toaster />
    </>
  )
}

function SignedInRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<DashboardScreen />} />
        <Route path="projects" element={<ProjectsScreen />} />
        <Route path="generate" element={<NewGenerationScreen />} />
        <Route path="jobs" element={<JobsScreen />} />
        <Route path="jobs/:jobId" element={<JobScreen />} />
        <Route path="narratives" element={<NarrativesScreen />} />
        <Route path="narratives/:narrativeId" element={<ReaderScreen />} />
        <Route path="narratives/:narrativeId/edit" element={<EditorScreen />} />
        <Route path="usage" element={<UsageScreen />} />
        <Route path="health" element={<HealthScreen />} />
        <Route path="settings" element={<SettingsScreen />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Route>
    </Routes>
  )
}
