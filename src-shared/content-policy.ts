/**
 * The Content-Security-Policy of the app's own pages, kept once for the three places that
 * deliver it: the Electron session's response header, the headless server's header, and the
 * meta tag the production build writes into index.html (a second line for file:// loads).
 */
export interface ContentPolicyOptions {
  /**
   * The dev server's address in development: its inline preamble and hot-reload socket need
   * two exceptions, which never reach a built app.
   */
  devServer?: string
  /** A meta tag cannot carry every directive; browsers ignore those and warn about them. */
  delivery?: 'header' | 'meta'
}

/** Directives a browser honours only from a response header. */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors']

/**
 * Nothing loads from outside the app; inline styles stay allowed for the component library,
 * blobs for exported files and images the app makes itself.
 */
export function buildContentSecurityPolicy(options: ContentPolicyOptions = {}): string {
  const dev = options.devServer ? new URL(options.devServer) : null
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
    .filter(([name]) => options.delivery !== 'meta' || !HEADER_ONLY_DIRECTIVES.includes(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/**
 * Puts the production policy into a page as the first element of its head, so it governs
 * everything the page loads. Used by the build; development pages go without it.
 */
export function injectContentSecurityMeta(html: string): string {
  const policy = buildContentSecurityPolicy({ delivery: 'meta' })
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`
  if (!/<head>/i.test(html)) throw new Error('index.html has no <head> to carry the policy')
  return html.replace(/<head>/i, (head) => `${head}\n    ${meta}`)
}
