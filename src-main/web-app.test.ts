import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OpenAPIHono } from '@hono/zod-openapi'
import { afterAll, describe, expect, it } from 'vitest'
import { buildContentSecurityPolicy, HEADER_ONLY_DIRECTIVES } from '@shared/content-policy'
import { contentSecurityMeta } from '../electron.vite.config'
import { createSilentLogger } from './core/logging/logger'
import type { AppEnv } from './core/http/context'
import { buildContentSecurityPolicy as electronPolicy } from './electron/content-policy'
import { createWebApp } from './web-app'

const SOURCE_HTML = join(import.meta.dirname, '..', 'src-renderer', 'index.html')
const rendererDir = mkdtempSync(join(tmpdir(), 'narraforge-renderer-'))
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }))

/** index.html as the production build writes it: the plugin's hook run over the source. */
function buildIndexHtml(): string {
  const plugin = contentSecurityMeta()
  const hook = plugin.transformIndexHtml as { handler: (html: string) => string }
  return hook.handler(readFileSync(SOURCE_HTML, 'utf8'))
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/)
      return [name!, sources.join(' ')]
    }),
  )
}

describe('one content security policy', () => {
  it('is what the server sends and what the built index.html carries', async () => {
    writeFileSync(join(rendererDir, 'index.html'), buildIndexHtml())
    const web = createWebApp(
      { app: new OpenAPIHono<AppEnv>(), log: createSilentLogger() },
      rendererDir,
    )

    const res = await web.request('/')
    const header = res.headers.get('content-security-policy')!
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await res.text())

    expect(meta).not.toBeNull()
    const fromHeader = directives(header)
    for (const name of HEADER_ONLY_DIRECTIVES) fromHeader.delete(name)
    expect(directives(meta![1]!)).toEqual(fromHeader)
    expect(header).toBe(buildContentSecurityPolicy())
    expect(header).toContain("script-src 'self';")
  })

  it('is the one the desktop window gets from a built app', () => {
    const built = { kind: 'file', path: '/app/index.html', url: 'file:///app/index.html' } as const
    expect(electronPolicy(built)).toBe(buildContentSecurityPolicy())
  })

  it('leaves the page of the dev server alone, whose React preamble is inline', () => {
    expect(contentSecurityMeta().apply).toBe('build')
    expect(readFileSync(SOURCE_HTML, 'utf8')).not.toContain('http-equiv="Content-Security-Policy"')
  })
})
