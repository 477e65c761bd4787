import { and, eq, ne, sql } from 'drizzle-orm'
import type { User, UserUpdate } from '@shared/contracts/auth'
import { TIER_LIMITS } from '@shared/contracts/catalog'
import { AppError } from '../errors/app-error'
import { sqlStateOf, translateDatabaseError } from '../db/database-errors'
import type { DbOrTx } from '../db/open-database'
import { users } from '../db/schema'
import { usageMonthOf } from './usage-month'

export type UserRow = typeof users.$inferSelect

export interface NewUser {
  email: string
  passwordHash?: string | null
  oauthProvider?: string | null
  oauthId?: string | null
  fullName?: string | null
}

const EMAIL_TAKEN = 'An account with this email already exists; sign in instead'

/**
 * Inserts a free-tier user. The credential rule (a password, or an OAuth provider with its id)
 * is checked here for a clear message and again by the `users_has_credentials` constraint.
 */
export async function createUser(db: DbOrTx, input: NewUser, now: Date): Promise<UserRow> {
  const hasPassword = Boolean(input.passwordHash)
  const hasOauth = Boolean(input.oauthProvider && input.oauthId)
  if (!hasPassword && !hasOauth) {
    throw new AppError('validation', 'An account needs a password or an OAuth provider with its id')
  }
  const limits = TIER_LIMITS.free
  const [row] = await db
    .insert(users)
    .values({
      email: input.email,
      passwordHash: input.passwordHash ?? null,
      oauthProvider: input.oauthProvider ?? null,
      oauthId: input.oauthId ?? null,
      fullName: input.fullName ?? null,
      tier: 'free',
      monthlyGenerationLimit: limits.generations,
      // The predecessor stored 0 here, which switched the cost check off.
      monthlyCostLimitUsd: limits.costUsd,
      usageMonth: usageMonthOf(now),
    })
    .returning()
    .catch((error: unknown) => {
      // Two sign-ups with one email can both pass the caller's lookup; the unique index decides.
      if (sqlStateOf(error) !== '23505') throw translateDatabaseError(error)
      throw new AppError('conflict', EMAIL_TAKEN, { cause: error })
    })
  if (!row) throw new AppError('internal', 'User was not created')
  return row
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  return db.query.users.findFirst({ where: eq(users.email, email) })
}

/**
 * Loads a user with this month's counters. Counters belong to a calendar month: a row still on
 * an earlier month is moved to this one (and zeroed) on the way, so months reset by themselves.
 */
export async function loadUser(db: DbOrTx, id: string, now: Date): Promise<UserRow> {
  const row = await db.query.users.findFirst({ where: eq(users.id, id) })
  if (!row) throw new AppError('unauthenticated', 'Could not validate credentials')
  if (row.usageMonth === usageMonthOf(now)) return row
  await rollUsageMonth(db, id, now)
  return (await db.query.users.findFirst({ where: eq(users.id, id) }))!
}

/** Counters belong to a calendar month and reset by themselves when the month changes. */
export async function rollUsageMonth(db: DbOrTx, id: string, now: Date): Promise<void> {
  const month = usageMonthOf(now)
  await db
    .update(users)
    .set({ usageMonth: month, generationsUsed: 0, costUsedUsd: 0, updatedAt: sql`now()` })
    .where(and(eq(users.id, id), ne(users.usageMonth, month)))
}

/** Applies the writer's own profile change; an empty string clears the field. */
export async function updateProfile(
  db: DbOrTx,
  id: string,
  change: UserUpdate,
  now: Date,
): Promise<void> {
  const set: Partial<typeof users.$inferInsert> = { updatedAt: now }
  if (change.full_name !== undefined) set.fullName = change.full_name || null
  if (change.webhook_url !== undefined) set.webhookUrl = change.webhook_url || null
  await db.update(users).set(set).where(eq(users.id, id))
}

export function toUserDto(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    full_name: row.fullName,
    is_active: row.isActive,
    subscription_tier: row.tier,
    monthly_generation_limit: row.monthlyGenerationLimit,
    monthly_generations_used: row.generationsUsed,
    monthly_cost_limit_usd: row.monthlyCostLimitUsd,
    monthly_cost_used_usd: row.costUsedUsd,
    usage_month: row.usageMonth,
    created_at: row.createdAt.toISOString(),
    last_login_at: row.lastLoginAt?.toISOString() ?? null,
    webhook_url: row.webhookUrl,
  }
}
