import type { PushEvent } from '@shared/contracts/events'

export type PushListener = (event: PushEvent) => void

/**
 * The core's push channel. Producers publish without knowing who listens; the IPC bridge
 * and the server-sent-events route subscribe and filter by user.
 */
export class EventBus {
  private readonly listeners = new Set<PushListener>()

  publish(event: PushEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get size(): number {
    return this.listeners.size
  }
}

/** Whether an event belongs to this user's windows. */
export function isFor(event: PushEvent, userId: string): boolean {
  return event.user_id === '*' || event.user_id === userId
}
