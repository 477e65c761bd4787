import { z } from 'zod'
import { TIER_VALUES } from './catalog'
import { IsoDateSchema } from './common'

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com' }).max(255))

/** Password rules, shared with the sign-up form so it can show them live. */
export const PASSWORD_RULES = [
  { id: 'length', test: (p: string) => p.length >= 8 && p.length <= 100 },
  { id: 'upper', test: (p: string) => /[A-Z]/.test(p) },
  { id: 'lower', test: (p: string) => /[a-z]/.test(p) },
  { id: 'digit', test: (p: string) => /\d/.test(p) },
] as const

export const PasswordSchema = z
  .string()
  .min(8, 'Password must be at least 8 characters')
  .max(100, 'Password must be at most 100 characters')
  .regex(/[A-Z]/, 'Password must contain an upper-case letter')
  .regex(/[a-z]/, 'Password must contain a lower-case letter')
  .regex(/\d/, 'Password must contain a digit')

export const RegisterInputSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  full_name: z.string().trim().max(255).optional(),
})
export type RegisterInput = z.infer<typeof RegisterInputSchema>

export const LoginInputSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'Enter your password').max(100),
})
export type LoginInput = z.infer<typeof LoginInputSchema>

/** In browser mode the refresh token travels in a cookie, so the body may be empty. */
export const RefreshInputSchema = z.strictObject({ refresh_token: z.string().optional() })
export type RefreshInput = z.infer<typeof RefreshInputSchema>

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  full_name: z.string().nullable(),
  is_active: z.boolean(),
  subscription_tier: z.enum(TIER_VALUES),
  monthly_generation_limit: z.number().int().nullable(),
  monthly_generations_used: z.number().int(),
  monthly_cost_limit_usd: z.number().nullable(),
  monthly_cost_used_usd: z.number(),
  usage_month: z.string().describe('Calendar month (UTC) the usage counters belong to, YYYY-MM'),
  created_at: IsoDateSchema,
  last_login_at: IsoDateSchema.nullable(),
  webhook_url: z
    .string()
    .nullable()
    .describe('Receives a signed POST when a job completes, fails or is cancelled'),
})
export type User = z.infer<typeof UserSchema>

/** Only http(s): a webhook is an HTTP POST, and other schemes (file:, data:) make no sense. */
const WebhookUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'Enter a full http:// or https:// address',
})

/**
 * A change to the signed-in user's own profile. `webhook_url: ''` removes the webhook. On a
 * shared server the URL should point at the user's own service: the server POSTs to it.
 */
export const UserUpdateSchema = z
  .strictObject({
    full_name: z.string().trim().max(255).optional(),
    webhook_url: z.union([WebhookUrlSchema.max(2_000), z.literal('')]).optional(),
  })
  .refine((u) => u.full_name !== undefined || u.webhook_url !== undefined, {
    error: 'Change at least one of full_name or webhook_url',
  })
export type UserUpdate = z.infer<typeof UserUpdateSchema>

export const AuthResponseSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional().describe('Absent when the token is kept in a cookie'),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
  user: UserSchema,
})
export type AuthResponse = z.infer<typeof AuthResponseSchema>
