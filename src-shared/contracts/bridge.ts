import { z } from 'zod'
import type { PushEvent } from './events'

/**
 * What the renderer sends through the preload bridge; the main process makes it a Request.
 * The body has no cap of its own here: the core's limits (MAX_BODY_BYTES, and MAX_IMPORT_BYTES
 * for project imports) judge it as they judge HTTP, and answer 413 naming the setting.
 */
export const BridgeRequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().startsWith('/api/'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
})
export type BridgeRequest = z.input<typeof BridgeRequestSchema>

/** The interface languages; the renderer picks one and tells the main process. */
export const UiLanguageSchema = z.enum(['en', 'pl'])
export type UiLanguage = z.infer<typeof UiLanguageSchema>

export interface BridgeResponse {
  status: number
  headers: Record<string, string>
  /** Text bodies as text; binary bodies (exports) as base64 with `encoding: 'base64'`. */
  body: string
  encoding: 'utf8' | 'base64'
}

/** The whole surface the preload exposes on `window.narraforge`. */
export interface NarraForgeBridge {
  readonly kind: 'electron'
  request(request: BridgeRequest): Promise<BridgeResponse>
  /** Push events for the signed-in user; returns the unsubscribe function. */
  onEvent(listener: (event: PushEvent) => void): () => void
  /** The writer's interface language, so menus and notifications can follow it. */
  setLanguage(language: UiLanguage): void
  /** Closes the core and starts the app again, to bring back a staged restore. */
  relaunch(): Promise<void>
}

export const BRIDGE_CHANNELS = {
  request: 'narraforge:request',
  event: 'narraforge:event',
  language: 'narraforge:language',
  relaunch: 'narraforge:relaunch',
} as const
