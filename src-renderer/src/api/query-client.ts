import { MutationCache, QueryClient } from '@tanstack/react-query'
import { reportError, reportSuccess } from '../stores/toasts'
import { isApiError } from './api-error'

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The screen shows this mutation's failure next to the form, so no toast. */
      inlineErrors?: boolean
      /** i18n key of a confirmation toast. */
      successKey?: string
    }
  }
}

/**
 * Server state for the whole renderer. Mutations report failures through one handler; push
 * events keep job and health data current, so nothing here polls.
 */
export const queryClient = new QueryClient({
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      if (!mutation.meta?.inlineErrors) reportError(error)
    },
    onSuccess: (_data, _variables, _context, mutation) => {
      if (mutation.meta?.successKey) reportSuccess(mutation.meta.successKey)
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => failures < 1 && isRetryable(error),
    },
  },
})

/**
 * Only failures that may pass by themselves are worth a retry: no answer, or a gateway
 * hiccup. A 503 means "not configured" here, which waiting does not fix.
 */
function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return false
  return error.status === 0 || error.status === 502 || error.status === 504
}
