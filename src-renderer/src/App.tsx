import { lazy, Suspense } from 'react'
import { Route, Routes } from 'react-router'
import { useAuthSession } from './api/auth-session'
import { AuthScreen } from './features/auth/AuthScreen'
import { DashboardScreen } from './features/dashboard/DashboardScreen'
import { NewGenerationScreen } from './features/generate/NewGenerationScreen'
import { HealthScreen } from './features/health/HealthScreen'
import { JobScreen } from './features/jobs/JobScreen'
import { JobsScreen } from './features/jobs/JobsScreen'
import { EditorScreen } from './features/narratives/EditorScreen'
import { NarrativesScreen } from './features/narratives/NarrativesScreen'
import { ReaderScreen } from './features/narratives/ReaderScreen'
import { ProjectsScreen } from './features/projects/ProjectsScreen'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { AppShell } from './features/shell/AppShell'
import { NotFoundScreen } from './features/shell/NotFoundScreen'
import { useAppliedTheme } from './features/shell/useAppliedTheme'
import { LoadingState } from './ui/Spinner'
import { Toaster } from './ui/Toaster'

// The chart library is the largest dependency; only the usage screen needs it.
const UsageScreen = lazy(() =>
  import('./features/usage/UsageScreen').then((module) => ({ default: module.UsageScreen })),
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
        <Route
          path="usage"
          element={
            <Suspense fallback={<LoadingState />}>
              <UsageScreen />
            </Suspense>
          }
        />
        <Route path="health" element={<HealthScreen />} />
        <Route path="settings" element={<SettingsScreen />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Route>
    </Routes>
  )
}
