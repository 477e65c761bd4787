import type { OpenAPIHono } from '@hono/zod-openapi'
import { authRoutes, meRoute } from './auth/auth-routes'
import { AuthService } from './auth/auth-service'
import type { TokenIssuer } from './auth/tokens'
import type { RunMode } from './config/settings-schema'
import type { Database } from './db/open-database'
import type { EventBus } from './events/event-bus'
import { eventsRoutes } from './events/events-routes'
import type { HealthRegistry } from './health/health-registry'
import { healthRoutes } from './health/health-routes'
import type { AppEnv } from './http/context'
import { jobsRoutes } from './jobs/jobs-routes'
import { JobsService, type JobControl } from './jobs/jobs-service'
import type { Logger } from './logging/logger'
import { narrativesRoutes } from './narratives/narratives-routes'
import { NarrativesService } from './narratives/narratives-service'
import { versionsRoutes } from './narratives/versions-routes'
import { VersionsService } from './narratives/versions-service'
import { projectsRoutes } from './projects/projects-routes'
import { ProjectsService, type ProjectJobControl } from './projects/projects-service'
import { settingsRoutes } from './settings/settings-routes'
import type { SettingsStore } from './settings/settings-store'
import { usageRoutes } from './usage/usage-routes'
import { APP_VERSION } from './version'

export interface RouteDeps {
  mode: RunMode
  db: Database
  tokens: TokenIssuer
  events: EventBus
  health: HealthRegistry
  settings: SettingsStore
  control: JobControl & ProjectJobControl
  log: Logger
  now: () => Date
  /** Routers contributed by optional parts (backups, project files), all behind sign-in. */
  extraProtected?: OpenAPIHono<AppEnv>[]
}

/** Builds the services and their routers: the list of everything the API offers. */
export function createRoutes(deps: RouteDeps) {
  const { db, now } = deps
  const auth = new AuthService({
    db,
    tokens: deps.tokens,
    now,
    log: deps.log.child({ module: 'auth' }),
  })
  const projects = new ProjectsService(db, deps.control)
  const jobs = new JobsService({
    db,
    events: deps.events,
    settings: deps.settings.current,
    projects,
    control: deps.control,
    now,
  })

  return {
    publicRoutes: [
      authRoutes(auth),
      healthRoutes({
        registry: deps.health,
        version: APP_VERSION,
        mode: deps.mode,
        startedAt: Date.now(),
        now,
      }),
    ],
    protectedRoutes: [
      meRoute(auth),
      projectsRoutes(projects),
      narrativesRoutes(new NarrativesService(db, now)),
      versionsRoutes(new VersionsService(db, now), db),
      jobsRoutes(jobs, db),
      eventsRoutes(deps.events),
      usageRoutes(db, now),
      settingsRoutes(deps.settings),
      ...(deps.extraProtected ?? []),
    ],
  }
}
