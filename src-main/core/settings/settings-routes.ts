import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { ProviderSchema } from '@shared/contracts/jobs'
import {
  ProviderTestResultSchema,
  SettingsUpdateSchema,
  SettingsViewSchema,
} from '@shared/contracts/settings'
import { pingProvider } from '../health/engine-checks'
import type { AppEnv } from '../http/context'
import { AUTHED_ERRORS, BEARER, jsonBody, jsonResponse } from '../http/route-helpers'
import { createProviders, readProviderSettings } from '../../worker/providers/create-providers'
import { PROVIDER_LABELS } from '../../worker/providers/provider-errors'
import type { SettingsStore } from './settings-store'

const common = { tags: ['settings'], security: BEARER }
const TEST_TIMEOUT_MS = 5_000

const get = createRoute({
  ...common,
  method: 'get',
  path: '/settings',
  summary: 'Providers (keys shown only as hints), models per stage, prices, workers, budget',
  responses: { 200: jsonResponse(SettingsViewSchema, 'Settings'), ...AUTHED_ERRORS },
})

const patch = createRoute({
  ...common,
  method: 'patch',
  path: '/settings',
  summary: 'Change settings (desktop and browser modes)',
  request: jsonBody(SettingsUpdateSchema),
  responses: { 200: jsonResponse(SettingsViewSchema, 'Saved'), ...AUTHED_ERRORS },
})

const test = createRoute({
  ...common,
  method: 'post',
  path: '/settings/providers/{name}/test',
  summary: 'Try a provider with a cheap request (5 s at most)',
  request: { params: z.object({ name: ProviderSchema }) },
  responses: { 200: jsonResponse(ProviderTestResultSchema, 'Outcome'), ...AUTHED_ERRORS },
})

export function settingsRoutes(store: SettingsStore) {
  return new OpenAPIHono<AppEnv>()
    .openapi(get, (c) => c.json(store.view(), 200))
    .openapi(patch, (c) => c.json(store.update(c.req.valid('json')), 200))
    .openapi(test, async (c) => {
      const { name } = c.req.valid('param')
      const registry = createProviders(readProviderSettings(store.current()), {
        timeoutMs: TEST_TIMEOUT_MS,
      })
      if (!registry.has(name)) {
        const detail = `${PROVIDER_LABELS[name]} is not set up yet`
        const finding = { code: 'provider_not_set_up', params: { provider: name } }
        return c.json({ ok: false, detail, ...finding, latency_ms: 0 }, 200)
      }
      const started = performance.now()
      const provider = registry.get(name)
      const outcome = await pingProvider(
        () => provider.ping(AbortSignal.timeout(TEST_TIMEOUT_MS)),
        name,
      )
      const latency_ms = Math.round(performance.now() - started)
      const { status, detail, code, params } = outcome
      return c.json({ ok: status === 'ok', detail, code, params, latency_ms }, 200)
    })
}
