import { eq, sql } from 'drizzle-orm'
import type { Brief } from '@shared/contracts/jobs'
import type { WorkerJob } from '@shared/contracts/worker-protocol'
import { readProviderSettings } from '../../worker/providers/create-providers'
import type { Settings } from '../config/settings-schema'
import type { Database } from '../db/open-database'
import { jobCheckpoints, usageLedger } from '../db/schema'
import { AppError } from '../errors/app-error'
import type { JobRow } from '../jobs/job-dto'
import { priceTableOf, resolveStageModels } from '../jobs/stage-models'

/** Everything a worker needs to run (or resume) a job, since it never reads the database. */
export async function buildWorkerJob(
  db: Database,
  row: JobRow,
  settings: Settings,
): Promise<WorkerJob> {
  const brief = row.brief as Brief
  const stageModels = resolveStageModels(settings, brief)
  if (!stageModels)
    throw new AppError('unavailable', 'No AI provider is configured; add one in Settings')

  const [checkpoints, [spent]] = await Promise.all([
    db.select().from(jobCheckpoints).where(eq(jobCheckpoints.jobId, row.id)),
    db
      .select({ total: sql<number>`coalesce(sum(${usageLedger.costUsd}), 0)::float8` })
      .from(usageLedger)
      .where(eq(usageLedger.jobId, row.id)),
  ])
  return {
    id: row.id,
    brief,
    budgetUsd: row.budgetUsd,
    spentUsd: spent?.total ?? 0,
    checkpoints: Object.fromEntries(checkpoints.map((c) => [c.key, c.data])),
    stageModels,
    prices: priceTableOf(settings),
    providers: readProviderSettings(settings),
  }
}
