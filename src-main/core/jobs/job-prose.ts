import { and, eq, like, or } from 'drizzle-orm'
import type { JobProse } from '@shared/contracts/jobs'
import type { Database } from '../db/open-database'
import { generationJobs, jobCheckpoints } from '../db/schema'
import { AppError } from '../errors/app-error'

/**
 * The takes of a segment the pipeline checkpoints, oldest first: drafted, polished, then
 * rewritten after review. The newest one a job holds is what its reader would see now.
 */
const TAKES = ['segment', 'styled', 'rewrite'] as const
type Take = (typeof TAKES)[number]

const KEY_PATTERN = /^(segment|styled|rewrite):(\d+)$/

/**
 * Reads the prose a job has written so far from its segment checkpoints. Only the owner may
 * read it; anyone else is told the job does not exist, as for every other job route.
 */
export async function readJobProse(db: Database, userId: string, jobId: string): Promise<JobProse> {
  const [job] = await db
    .select({ id: generationJobs.id })
    .from(generationJobs)
    .where(and(eq(generationJobs.id, jobId), eq(generationJobs.userId, userId)))
  if (!job) throw new AppError('not_found', 'Job not found')

  const rows = await db
    .select({ key: jobCheckpoints.key, data: jobCheckpoints.data })
    .from(jobCheckpoints)
    .where(
      and(
        eq(jobCheckpoints.jobId, jobId),
        or(...TAKES.map((take) => like(jobCheckpoints.key, `${take}:%`))),
      ),
    )
  return { job_id: jobId, segments: newestTakes(rows) }
}

/** One text per segment, the newest take; a rewrite the pipeline dropped does not count. */
export function newestTakes(rows: { key: string; data: unknown }[]): JobProse['segments'] {
  const best = new Map<number, { rank: number; text: string }>()
  for (const row of rows) {
    const match = KEY_PATTERN.exec(row.key)
    const text = textOf(row.data)
    if (!match || text === null) continue
    const take = match[1] as Take
    if (take === 'rewrite' && !isApplied(row.data)) continue
    const segment = Number(match[2])
    const rank = TAKES.indexOf(take)
    if ((best.get(segment)?.rank ?? -1) < rank) best.set(segment, { rank, text })
  }
  return [...best.entries()]
    .sort(([a], [b]) => a - b)
    .map(([segment, { text }]) => ({ segment, text }))
}

/** Checkpoints are the worker's JSON; a row without text is skipped rather than trusted. */
function textOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null
  const text = (data as { text?: unknown }).text
  return typeof text === 'string' ? text : null
}

function isApplied(data: unknown): boolean {
  return (data as { applied?: unknown }).applied === true
}
