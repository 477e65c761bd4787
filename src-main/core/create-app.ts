import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import type { MiddlewareHandler } from 'hono'
import { AppError } from './errors/app-error'
import type { AppEnv } from './http/context'
import { handleError, handleNotFound } from './http/error-handler'
import { requestId } from './http/request-id'
import { validationHook } from './http/validation-hook'
import type { Logger } from './logging/logger'
import type { Settings } from './config/settings-schema'
import { APP_VERSION } from './version'

export interface AppAssembly {
  settings: Settings
  log: Logger
  /** Rate limiting, applied before anything else looks at the request's body. */
  rateLimit: MiddlewareHandler<AppEnv>
  /** Admits only signed-in users. */
  requireAuth: MiddlewareHandler<AppEnv>
  /** Routers that need no sign-in, mounted under /api. */
  publicRoutes: OpenAPIHono<AppEnv>[]
  /** Routers behind `requireAuth`, mounted under /api. */
  protectedRoutes: OpenAPIHono<AppEnv>[]
}

/**
 * Assembles the HTTP application: the same middleware chain serves IPC and HTTP requests
 * (request id → CORS → rate limit → body limit → auth → validation → handler → errors).
 */
export function createApp(parts: AppAssembly): OpenAPIHono<AppEnv> {
  const { settings } = parts
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.onError(handleError)
  app.notFound(handleNotFound)

  app.use('*', requestId(parts.log.child({ module: 'http' })))
  if (settings.CORS_ORIGINS.length > 0) {
    app.use(
      '/api/*',
      cors({ origin: settings.CORS_ORIGINS, credentials: true, exposeHeaders: EXPOSED }),
    )
  }
  // Counted before the body limit, so an oversized request is counted and its 413 carries the
  // X-RateLimit-* headers like any other answer.
  app.use('/api/*', parts.rateLimit)
  // A project file carries every version of every narrative, so imports get their own limit.
  const limitBody = (maxSize: number, name: string) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError(
          'payload_too_large',
          `The request body is over ${maxSize} bytes (${name})`,
        )
      },
    })
  const importLimit = limitBody(settings.MAX_IMPORT_BYTES, 'MAX_IMPORT_BYTES')
  const bodyLimitOf = limitBody(settings.MAX_BODY_BYTES, 'MAX_BODY_BYTES')
  app.use('/api/*', (c, next) =>
    c.req.path === '/api/projects/import' ? importLimit(c, next) : bodyLimitOf(c, next),
  )

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  api.onError(handleError)
  for (const routes of parts.publicRoutes) api.route('/', routes)
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  })
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'NarraForge API',
      version: APP_VERSION,
      description: 'Drive NarraForge from scripts: projects, generation jobs, narratives, health.',
    },
    servers: [{ url: '/api' }],
  })
  // Public routes and the document come first: the guard below answers anything after it.
  const guarded = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  guarded.onError(handleError)
  guarded.use('*', parts.requireAuth)
  for (const routes of parts.protectedRoutes) guarded.route('/', routes)
  api.route('/', guarded)

  app.route('/api', api)
  return app
}

const EXPOSED = [
  'X-Request-ID',
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
]
