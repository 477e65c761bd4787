import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { buildContentSecurityPolicy } from '@shared/content-policy'
import type { Core } from './core/create-core'
import type { TransportEnv } from './core/http/context'

/** The production policy; the built index.html carries the same in its meta tag. */
const RENDERER_CSP = buildContentSecurityPolicy()

/**
 * The headless server's HTTP surface: the API at `/api`, and the built renderer at `/` with the
 * app's Content-Security-Policy, when `rendererDir` holds one.
 */
export function createWebApp(core: Pick<Core, 'app' | 'log'>, rendererDir: string | null): Hono {
  const web = new Hono()
  web.all('/api/*', (c) => core.app.fetch(c.req.raw, c.env as TransportEnv))
  web.all('/api', (c) => core.app.fetch(c.req.raw, c.env as TransportEnv))

  if (rendererDir) {
    web.use('*', secureHeaders())
    web.use('*', async (c, next) => {
      await next()
      c.header('Content-Security-Policy', RENDERER_CSP)
    })
    web.use('*', serveStatic({ root: rendererDir }))
    const index = readFileSync(join(rendererDir, 'index.html'), 'utf8')
    web.get('*', (c) => c.html(index))
  } else {
    core.log.warn('renderer not built; run `npm run build` to serve the app at /')
  }
  return web
}
