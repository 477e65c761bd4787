import { buildContentSecurityPolicy as buildSharedPolicy } from '@shared/content-policy'

/** Where the app's own pages come from: the dev server in development, the built files otherwise. */
export type RendererLocation =
  { kind: 'dev-server'; url: string } | { kind: 'file'; path: string; url: string }

/** The app's policy (`src-shared/content-policy`), with the dev server's exceptions in development. */
export function buildContentSecurityPolicy(location: RendererLocation): string {
  const devServer = location.kind === 'dev-server' ? location.url : undefined
  return buildSharedPolicy({ devServer })
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
