import { and, count, eq, gte, lt, sql } from 'drizzle-orm'
import type { UsageQuery, UsageSummary } from '@shared/contracts/usage'
import type { Database } from '../db/open-database'
import { usageLedger } from '../db/schema'

const DAY_MS = 86_400_000

/** Sums the cost ledger by day, by model and by stage for one user. */
export async function summariseUsage(
  db: Database,
  userId: string,
  query: UsageQuery,
  now: Date,
): Promise<UsageSummary> {
  const to = query.to ?? now.toISOString().slice(0, 10)
  const from = query.from ?? new Date(now.getTime() - 29 * DAY_MS).toISOString().slice(0, 10)
  const where = and(
    eq(usageLedger.userId, userId),
    gte(usageLedger.createdAt, new Date(`${from}T00:00:00Z`)),
    lt(usageLedger.createdAt, new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS)),
  )
  const totals = {
    cost_usd: sql<number>`coalesce(sum(${usageLedger.costUsd}), 0)::float8`,
    tokens_in: sql<number>`coalesce(sum(${usageLedger.tokensIn}), 0)::int`,
    tokens_out: sql<number>`coalesce(sum(${usageLedger.tokensOut}), 0)::int`,
    calls: count(),
  }
  const day = sql<string>`to_char(${usageLedger.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`

  const [total, byDay, byModel, byStage] = await Promise.all([
    db.select(totals).from(usageLedger).where(where),
    db
      .select({ day, ...totals })
      .from(usageLedger)
      .where(where)
      .groupBy(day)
      .orderBy(day),
    db
      .select({ provider: usageLedger.provider, model: usageLedger.model, ...totals })
      .from(usageLedger)
      .where(where)
      .groupBy(usageLedger.provider, usageLedger.model),
    db
      .select({ stage: usageLedger.stage, ...totals })
      .from(usageLedger)
      .where(where)
      .groupBy(usageLedger.stage),
  ])
  return {
    from,
    to,
    total: total[0] ?? { cost_usd: 0, tokens_in: 0, tokens_out: 0, calls: 0 },
    by_day: byDay,
    by_model: byModel,
    by_stage: byStage,
  }
}
