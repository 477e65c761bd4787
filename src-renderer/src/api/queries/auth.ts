import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  AuthResponse,
  LoginInput,
  RegisterInput,
  User,
  UserUpdate,
} from '@shared/contracts/auth'
import { useAuthSession } from '../auth-session'
import { apiRequest } from '../client'

export const authKeys = {
  me: ['auth', 'me'] as const,
}

/** The signed-in writer with this month's usage and limits. */
export function meOptions() {
  return queryOptions({
    queryKey: authKeys.me,
    queryFn: () => apiRequest<User>({ path: '/auth/me' }),
  })
}

/** Changes the writer's own account: the name, or the webhook told about finished jobs. */
export function useUpdateAccount() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: UserUpdate) =>
      apiRequest<User>({ method: 'PATCH', path: '/auth/me', body: change }),
    meta: { inlineErrors: true, successKey: 'settings.saved' },
    onSuccess: (user) => queryClient.setQueryData(authKeys.me, user),
  })
}

export function useSignIn() {
  return useSessionStart((input: LoginInput) =>
    apiRequest<AuthResponse>({ method: 'POST', path: '/auth/login', body: input, auth: 'session' }),
  )
}

export function useRegister() {
  return useSessionStart((input: RegisterInput) =>
    apiRequest<AuthResponse>({
      method: 'POST',
      path: '/auth/register',
      body: input,
      auth: 'session',
    }),
  )
}

export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      apiRequest<void>({ method: 'POST', path: '/auth/logout', body: {}, auth: 'session' }),
    // Signing out locally must not depend on the server agreeing.
    onSettled: () => {
      useAuthSession.getState().end('signed-out')
      queryClient.clear()
    },
  })
}

function useSessionStart<Input>(call: (input: Input) => Promise<AuthResponse>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    meta: { inlineErrors: true },
    onSuccess: (auth) => {
      queryClient.clear()
      queryClient.setQueryData(authKeys.me, auth.user)
      useAuthSession.getState().start(auth)
    },
  })
}
