import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { HealthCheck } from '@shared/contracts/health'
import type { ProviderTestResult } from '@shared/contracts/settings'
import { en } from '../../i18n/en'
import { createFormatters } from '../../i18n/format'
import { pl } from '../../i18n/pl'
import { describeCheck } from './check-detail'

const base: HealthCheck = {
  name: 'disk',
  status: 'ok',
  detail: '51200 MiB free in the data folder (minimum 500 MiB)',
  latency_ms: 1,
  checked_at: '2026-03-15T12:00:00Z',
  critical: true,
}

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, pl: { translation: pl } },
    lng: 'pl',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  })
})

function inPolish(check: HealthCheck | ProviderTestResult): string {
  return describeCheck(check, i18n.getFixedT('pl'), createFormatters('pl'))
}

describe('a health finding in the writer’s language', () => {
  it('words a known code with its figures formatted for the language', () => {
    const text = inPolish({
      ...base,
      code: 'disk_free',
      params: { free_mb: 51200, min_mb: 500 },
    })
    expect(text).toContain('51\u00a0200')
    expect(text).not.toContain('free in the data folder')
  })

  it('names providers rather than showing their ids', () => {
    const text = inPolish({
      ...base,
      name: 'providers',
      code: 'providers_configured',
      params: { providers: 'openai,local' },
    })
    expect(text).toContain('OpenAI i Model lokalny')
  })

  it('says why a provider failed in words, or quotes the reason it does not know', () => {
    const failed = (cause: string) =>
      inPolish({
        ...base,
        name: 'provider:openai',
        status: 'down',
        code: 'provider_failed',
        params: { provider: 'openai', reason: 'HTTP 418 teapot', cause },
      })
    expect(failed('key_refused')).not.toContain('418')
    expect(failed('other')).toContain('HTTP 418 teapot')
  })

  it('words a provider test from Settings the same way', () => {
    const untested: ProviderTestResult = {
      ok: false,
      detail: 'Anthropic is not set up yet',
      code: 'provider_not_set_up',
      params: { provider: 'anthropic' },
      latency_ms: 0,
    }
    const text = inPolish(untested)
    expect(text).toBe('Anthropic nie jest jeszcze skonfigurowany.')
  })

  it('falls back to the server’s detail for a code it does not know, or none', () => {
    expect(inPolish({ ...base, code: 'disk_on_fire', params: {} })).toBe(base.detail)
    expect(inPolish(base)).toBe(base.detail)
  })
})
