import { create } from 'zustand'

export interface Toast {
  id: number
  tone: 'error' | 'success'
  /** An i18n key, translated when shown, so a language switch reaches open toasts too. */
  messageKey?: string
  /** A failure to describe; wins over `messageKey`. */
  error?: unknown
}

interface ToastState {
  toasts: Toast[]
  push(toast: Omit<Toast, 'id'>): void
  dismiss(id: number): void
}

const TOAST_MS = 6_000
let nextId = 1

/** Short-lived notices in the corner: failed actions and quiet confirmations. */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] })
    setTimeout(() => get().dismiss(id), TOAST_MS)
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}))

/** The shared failure report for mutations that do not show their error in place. */
export function reportError(error: unknown): void {
  useToasts.getState().push({ tone: 'error', error })
}

export function reportSuccess(messageKey: string): void {
  useToasts.getState().push({ tone: 'success', messageKey })
}
