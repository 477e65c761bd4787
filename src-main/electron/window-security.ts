import { shell, type Session, type WebContents } from 'electron'
import type { Logger } from '../core/logging/logger'
import {
  buildContentSecurityPolicy,
  isAppUrl,
  isExternalLink,
  type RendererLocation,
} from './content-policy'

/** Browser permissions the app uses; every other request (camera, geolocation, …) is denied. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'fullscreen'])

/**
 * Session-wide rules: the CSP header on the app’s own pages (the meta tag the build writes into
 * index.html stays as a second line for file:// loads, where older Electron versions skip this
 * hook) and a deny-by-default permission handler.
 */
export function secureSession(session: Session, location: RendererLocation): void {
  const policy = buildContentSecurityPolicy(location)
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, location)) return callback({})
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    })
  })
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission))
  })
}

/**
 * Rules for every web page the app creates: no webviews, no navigation away from the app,
 * no new windows. Web links open in the system browser instead.
 */
export function hardenWebContents(
  contents: WebContents,
  location: RendererLocation,
  log: Logger,
): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('blocked a webview')
  })
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, location)) return
    event.preventDefault()
    if (isExternalLink(url)) void shell.openExternal(url)
    else log.warn({ url: url.slice(0, 200) }, 'blocked a navigation away from the app')
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}
