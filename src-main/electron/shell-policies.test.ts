import { describe, expect, it } from 'vitest'
import { buildMenuTemplate } from './app-menu'
import {
  buildContentSecurityPolicy,
  isAppUrl,
  isExternalLink,
  type RendererLocation,
} from './content-policy'
import { createReloadGuard } from './reload-guard'

const built: RendererLocation = {
  kind: 'file',
  path: '/opt/NarraForge/resources/app.asar/out/renderer/index.html',
  url: 'file:///opt/NarraForge/resources/app.asar/out/renderer/index.html',
}
const dev: RendererLocation = { kind: 'dev-server', url: 'http://localhost:5173/' }

describe('content security policy', () => {
  it('allows nothing from outside the app in a built app', () => {
    const policy = buildContentSecurityPolicy(built)
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("script-src 'self';")
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toMatch(/unsafe-eval|https?:|ws:/)
  })

  it('opens only what the dev server needs in development', () => {
    const policy = buildContentSecurityPolicy(dev)
    expect(policy).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173")
    expect(policy).toContain("script-src 'self' 'unsafe-inline'")
  })

  it('tells the app’s pages from everything else', () => {
    expect(
      isAppUrl('file:///opt/NarraForge/resources/app.asar/out/renderer/assets/index.js', built),
    ).toBe(true)
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false)
  })
})

describe('links and crashes', () => {
  it('sends only web links to the system browser', () => {
    expect(isExternalLink('https://example.com/help')).toBe(true)
    expect(isExternalLink('http://example.com')).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ]) {
      expect(isExternalLink(url), url).toBe(false)
    }
  })

  it('reloads a crashed window three times a minute at most, and never after a clean exit', () => {
    let now = 0
    const guard = createReloadGuard({ now: () => now })
    expect(guard.allow('clean-exit')).toBe(false)
    expect([
      guard.allow('crashed'),
      guard.allow('oom'),
      guard.allow('crashed'),
      guard.allow('crashed'),
    ]).toEqual([true, true, true, false])
    now += 60_000
    expect(guard.allow('crashed')).toBe(true)
  })
})

describe('application menu', () => {
  it('uses the standard roles, with the app menu first on macOS only', () => {
    const actions = { openDataFolder: () => {}, openLogsFolder: () => {} }
    const roles = (platform: NodeJS.Platform) =>
      buildMenuTemplate(platform, actions).map((item) => item.role)
    expect(roles('darwin')).toEqual([
      'appMenu',
      'fileMenu',
      'editMenu',
      'viewMenu',
      'windowMenu',
      'help',
    ])
    expect(roles('win32')).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help'])
    expect(roles('linux')).toEqual(roles('win32'))
  })

  it('opens the data and logs folders from Help', () => {
    const opened: string[] = []
    const template = buildMenuTemplate('linux', {
      openDataFolder: () => opened.push('data'),
      openLogsFolder: () => opened.push('logs'),
    })
    const help = template.at(-1)!.submenu as { click: () => void }[]
    help.forEach((item) => item.click())
    expect(opened).toEqual(['data', 'logs'])
  })
})
