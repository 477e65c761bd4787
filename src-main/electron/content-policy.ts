/** Where the app's own pages come from: the dev server in development, the built files otherwise. */
export type RendererLocation =
  { kind: 'dev-server'; url: string } | { kind: 'file'; path: string; url: string }

/**
 * The Content-Security-Policy for the app's own pages. Nothing loads from outside the app;
 * inline styles stay allowed for the component library. In development the dev server's
 * inline preamble and hot-reload socket need two exceptions, which never reach a built app.
 */
export function buildContentSecurityPolicy(location: RendererLocation): string {
  const dev = location.kind === 'dev-server' ? new URL(location.url) : null
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': dev ? ["'self'", dev.origin, `ws://${dev.host}`] : ["'self'"],
    'media-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** Whether a URL is one of the app's own pages (or their assets). */
export function isAppUrl(url: string, location: RendererLocation): boolean {
  if (location.kind === 'dev-server') return url.startsWith(new URL(location.url).origin + '/')
  const root = location.url.slice(0, location.url.lastIndexOf('/') + 1)
  return url.startsWith(root)
}

/** Links the system browser may open: the web, nothing local or scriptable. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}
