import { and, count, eq, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { Database, Tx } from '../db/open-database'
import { generationJobs, jobCheckpoints, users } from '../db/schema'
import { AppError } from '../errors/app-error'
import { usageMonthOf } from '../users/usage-month'

type JobRow = typeof generationJobs.$inferSelect

/**
 * Takes one generation and reserves the estimated cost in a single conditional UPDATE, inside
 * the transaction that inserts the job. Counters of an earlier month count as zero and are
 * replaced, so months reset by themselves; a null limit (enterprise) never refuses.
 */
export async function takeQuota(
  tx: Tx,
  userId: string,
  estimateUsd: number,
  now: Date,
  generations: 0 | 1 = 1,
): Promise<string> {
  const month = usageMonthOf(now)
  const sameMonth = sql`${users.usageMonth} = ${month}`
  const usedGenerations = sql`(CASE WHEN ${sameMonth} THEN ${users.generationsUsed} ELSE 0 END)`
  const usedCost = sql`(CASE WHEN ${sameMonth} THEN ${users.costUsedUsd} ELSE 0 END)`
  const estimate = sql`${estimateUsd}::numeric`

  const taken = await tx
    .update(users)
    .set({
      generationsUsed: sql`${usedGenerations} + ${generations}`,
      costUsedUsd: sql`${usedCost} + ${estimate}`,
      usageMonth: month,
    })
    .where(
      and(
        eq(users.id, userId),
        generations === 0
          ? undefined
          : or(
              isNull(users.monthlyGenerationLimit),
              lt(usedGenerations, users.monthlyGenerationLimit),
            ),
        or(
          isNull(users.monthlyCostLimitUsd),
          lte(sql`${usedCost} + ${estimate}`, users.monthlyCostLimitUsd),
        ),
      ),
    )
    .returning({ id: users.id })
  if (taken.length === 0) throw await explainRefusal(tx, userId, estimateUsd, month)
  return month
}

/**
 * Gives back the generation and the part of the reservation that was not spent (a
 * cancellation before it started, or a failure before any prose): the month's cost is
 * settled to what the ledger says the job really cost in it, since those calls were paid for.
 * Only the month the job was charged to is touched: an earlier month's counters are already gone.
 */
export async function refundQuota(tx: Tx, job: JobRow): Promise<void> {
  if (job.quotaState === 'refunded') return
  const actualUsd = job.actualCostUsd
  await tx
    .update(users)
    .set({
      generationsUsed: sql`greatest(${users.generationsUsed} - 1, 0)`,
      costUsedUsd: sql`greatest(${users.costUsedUsd} - ${job.quotaChargedUsd}::numeric + ${actualUsd}::numeric, 0)`,
    })
    .where(and(eq(users.id, job.userId), eq(users.usageMonth, job.quotaMonth)))
  await tx
    .update(generationJobs)
    .set({ quotaState: 'refunded', quotaChargedUsd: actualUsd })
    .where(eq(generationJobs.id, job.id))
}

/**
 * Takes the generation of a job that had given it back, as it is resumed: one generation
 * and the estimate again, under the same limits as a new job. What the job already cost
 * stays charged, in the month it was charged to, and stays in the job's charge beside the
 * new estimate: the settlement at the end then moves this month by the actual cost less that
 * charge, so a resume in a later month is charged only what the job costs from here on.
 */
export async function retakeQuota(tx: Tx, job: JobRow, now: Date): Promise<void> {
  const month = await takeQuota(tx, job.userId, job.estimatedCostUsd, now)
  await tx
    .update(generationJobs)
    .set({
      quotaState: 'reserved',
      quotaMonth: month,
      quotaChargedUsd: sql`${job.quotaChargedUsd}::numeric + ${job.estimatedCostUsd}::numeric`,
    })
    .where(eq(generationJobs.id, job.id))
}

/**
 * Moves a job that kept its generation (it had written prose) into the month it is resumed
 * in, when that is a later one: no generation is taken, but what the estimate still expects
 * it to spend is reserved under this month's cost limit, so the cost of the rest of the work
 * counts against the month it is spent in. The charge keeps what the job cost before, which
 * stays with the earlier month, as `retakeQuota` does.
 */
export async function carryQuotaIntoMonth(tx: Tx, job: JobRow, now: Date): Promise<void> {
  if (job.quotaState === 'refunded' || job.quotaMonth === usageMonthOf(now)) return
  const remainingUsd = Math.max(job.estimatedCostUsd - job.actualCostUsd, 0)
  const month = await takeQuota(tx, job.userId, remainingUsd, now, 0)
  await tx
    .update(generationJobs)
    .set({
      quotaState: 'reserved',
      quotaMonth: month,
      quotaChargedUsd: sql`${job.actualCostUsd}::numeric + ${remainingUsd}::numeric`,
    })
    .where(eq(generationJobs.id, job.id))
}

/**
 * Replaces what the job has charged (the estimate at first) with what it has actually cost;
 * the difference lands on the month the job is charged to now. A resumed job settles again
 * when it ends, by the difference.
 */
export async function settleQuota(tx: Tx, job: JobRow, actualUsd: number): Promise<void> {
  if (job.quotaState === 'refunded') return
  await tx
    .update(users)
    .set({
      costUsedUsd: sql`greatest(${users.costUsedUsd} - ${job.quotaChargedUsd}::numeric + ${actualUsd}::numeric, 0)`,
    })
    .where(and(eq(users.id, job.userId), eq(users.usageMonth, job.quotaMonth)))
  await tx
    .update(generationJobs)
    .set({ quotaState: 'settled', quotaChargedUsd: actualUsd })
    .where(eq(generationJobs.id, job.id))
}

async function explainRefusal(
  tx: Tx,
  userId: string,
  estimateUsd: number,
  month: string,
): Promise<AppError> {
  const user = await tx.query.users.findFirst({ where: eq(users.id, userId) })
  const fresh = user?.usageMonth !== month
  const used = fresh ? 0 : (user?.generationsUsed ?? 0)
  const cost = fresh ? 0 : (user?.costUsedUsd ?? 0)
  const limit = user?.monthlyGenerationLimit
  if (limit !== null && limit !== undefined && used >= limit) {
    return new AppError(
      'quota_exceeded',
      `Monthly generation limit reached (${used} of ${limit}); it resets at the start of next month (UTC)`,
      { details: { limit, used } },
    )
  }
  const costLimit = user?.monthlyCostLimitUsd ?? 0
  return new AppError(
    'quota_exceeded',
    `Monthly cost limit would be exceeded: $${cost.toFixed(2)} used of $${costLimit.toFixed(2)}, this work is estimated at $${estimateUsd.toFixed(2)}`,
    { details: { cost_limit_usd: costLimit, cost_used_usd: cost, estimate_usd: estimateUsd } },
  )
}

/** Whether any prose was written (and paid for); such jobs keep their generation. */
export async function hasProse(db: Pick<Database, 'select'>, jobId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(jobCheckpoints)
    .where(and(eq(jobCheckpoints.jobId, jobId), sql`${jobCheckpoints.key} LIKE 'segment:%'`))
  return (row?.n ?? 0) > 0
}
