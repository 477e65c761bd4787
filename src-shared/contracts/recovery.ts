/**
 * The recovery screen's bridge: shown instead of the app when the database cannot be opened.
 * Its window is started with `RECOVERY_FLAG`, which tells the preload to expose this bridge
 * and not the app's.
 */
export const RECOVERY_FLAG = '--narraforge-recovery'

export const RECOVERY_CHANNELS = {
  restoreLatest: 'narraforge:recovery:restore-latest',
  startFresh: 'narraforge:recovery:start-fresh',
} as const
export type RecoveryAction = keyof typeof RECOVERY_CHANNELS

export interface RecoveryResult {
  ok: boolean
  /** What happened, in words for the writer. */
  message: string
}

/** What the preload exposes on `window.narraforgeRecovery`. */
export interface NarraForgeRecoveryBridge {
  restoreLatest(): Promise<RecoveryResult>
  startFresh(): Promise<RecoveryResult>
}
