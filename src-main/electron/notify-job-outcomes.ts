import { Notification, type BrowserWindow } from 'electron'
import type { EventBus } from '../core/events/event-bus'
import { focusWindow } from './app-window'
import type { SessionVault } from './bridge-handler'
import { createJobNotifier } from './job-notifications'
import type { ShellText } from './shell-text'

/**
 * Shows a system notification when a job finishes or fails while the window is in the
 * background; clicking it brings the window back. `text` gives the words in the language
 * current at that moment. Returns the unsubscribe function.
 */
export function notifyJobOutcomes(
  events: EventBus,
  window: BrowserWindow,
  vault: SessionVault,
  text: () => ShellText,
): () => void {
  // Held until dismissed: a notification collected by the GC loses its click handler.
  const showing = new Set<Notification>()
  const notify = createJobNotifier({
    isWindowFocused: () => !window.isDestroyed() && window.isFocused(),
    userId: () => vault.userId(),
    text,
    show(notice) {
      if (!Notification.isSupported()) return
      const notification = new Notification({ title: notice.title, body: notice.body })
      showing.add(notification)
      notification.on('click', () => focusWindow(window))
      notification.on('close', () => showing.delete(notification))
      notification.show()
    },
  })
  return events.subscribe(notify)
}
