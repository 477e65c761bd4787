import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

const money = (name: string) => numeric(name, { precision: 14, scale: 6, mode: 'number' })
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}
export { money }

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash'),
    oauthProvider: text('oauth_provider'),
    oauthId: text('oauth_id'),
    fullName: text('full_name'),
    isActive: boolean('is_active').notNull().default(true),
    tier: text('tier', { enum: ['free', 'pro', 'enterprise'] })
      .notNull()
      .default('free'),
    /** Null means unlimited (enterprise). */
    monthlyGenerationLimit: integer('monthly_generation_limit').default(5),
    monthlyCostLimitUsd: money('monthly_cost_limit_usd').default(10),
    /** The calendar month (UTC, YYYY-MM) the two counters below belong to. */
    usageMonth: text('usage_month').notNull(),
    generationsUsed: integer('generations_used').notNull().default(0),
    costUsedUsd: money('cost_used_usd').notNull().default(0),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Where finished, failed and cancelled jobs are announced; null sends nothing. */
    webhookUrl: text('webhook_url'),
    ...timestamps,
  },
  (t) => [
    // A user signs in somehow: a password, or an OAuth provider together with its id.
    check(
      'users_has_credentials',
      sql`${t.passwordHash} IS NOT NULL OR (${t.oauthProvider} IS NOT NULL AND ${t.oauthId} IS NOT NULL)`,
    ),
    check('users_tier_known', sql`${t.tier} IN ('free', 'pro', 'enterprise')`),
    index('ix_users_oauth').on(t.oauthProvider, t.oauthId),
  ],
)

/**
 * Refresh tokens are stored by hash. Each login starts a family; a refresh rotates within it,
 * and presenting a rotated token again revokes the whole family (a sign of theft).
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ix_refresh_tokens_family').on(t.familyId),
    index('ix_refresh_tokens_user').on(t.userId),
  ],
)
