import { z } from 'zod'
import { FormSchema, GenreSchema, LanguageSchema } from './catalog'
import { JobStatusSchema } from './jobs'

/**
 * One project as a portable JSON file: the project, its narratives with every saved version,
 * its jobs' briefs and history, and its usage ledger. Ids inside the file only link rows to
 * each other; an import gives every row a new id. Unknown fields are dropped, so a newer
 * minor export still imports; a new `version` means an incompatible layout.
 */
const Id = z.string().min(1).max(100)
const When = z.iso.datetime({ offset: true })
const Count = z.number().int().min(0)
const Money = z.number().finite().min(0)
const Json = z.record(z.string(), z.unknown())

export const ArchiveProjectSchema = z.object({
  id: Id,
  name: z.string().trim().min(1).max(255),
  description: z.string().max(5000).nullable(),
  default_genre: GenreSchema.nullable(),
  default_form: FormSchema.nullable(),
  created_at: When,
  updated_at: When,
})

export const ArchiveNarrativeSchema = z.object({
  id: Id,
  job_id: Id.nullable(),
  title: z.string().min(1).max(1000),
  form: FormSchema,
  genre: GenreSchema,
  language: LanguageSchema,
  text: z.string(),
  word_count: Count,
  metadata: Json,
  quality: Json,
  quality_score: z.number().finite().nullable(),
  usage_by_model: Json,
  cost_usd: Money,
  tokens_used: Count,
  version: z.number().int().min(1),
  view_count: Count,
  created_at: When,
  updated_at: When,
})

export const ArchiveVersionSchema = z.object({
  narrative_id: Id,
  version: z.number().int().min(1),
  title: z.string().min(1).max(1000),
  text: z.string(),
  word_count: Count,
  source: z.enum(['generated', 'edit', 'restore']),
  created_at: When,
})

export const ArchiveJobSchema = z.object({
  id: Id,
  status: JobStatusSchema,
  brief: Json,
  current_stage: z.string().max(100).nullable(),
  completed_stages: z.array(z.string().max(100)),
  progress: z.number().min(0).max(1),
  estimated_cost_usd: Money,
  actual_cost_usd: Money,
  budget_usd: Money,
  tokens_in: Count,
  tokens_out: Count,
  quota_month: z.string().regex(/^\d{4}-\d{2}$/),
  error_kind: z.string().max(100).nullable(),
  error_message: z.string().max(10_000).nullable(),
  started_at: When.nullable(),
  completed_at: When.nullable(),
  created_at: When,
  updated_at: When,
})

export const ArchiveLedgerEntrySchema = z.object({
  job_id: Id.nullable(),
  stage: z.string().min(1).max(100),
  provider: z.string().min(1).max(100),
  model: z.string().min(1).max(200),
  tokens_in: Count,
  tokens_out: Count,
  cost_usd: Money,
  latency_ms: Count,
  work_key: z.string().max(200).nullable(),
  created_at: When,
})

export const PROJECT_ARCHIVE_FORMAT = 'narraforge.project'

const ArchiveShape = z.object({
  format: z.literal(PROJECT_ARCHIVE_FORMAT),
  version: z.literal(1),
  exported_at: When,
  project: ArchiveProjectSchema,
  narratives: z.array(ArchiveNarrativeSchema),
  versions: z.array(ArchiveVersionSchema),
  jobs: z.array(ArchiveJobSchema),
  ledger: z.array(ArchiveLedgerEntrySchema),
})

export const ProjectArchiveSchema = ArchiveShape.superRefine(checkReferences)
export type ProjectArchive = z.infer<typeof ProjectArchiveSchema>

/** Every link inside the file must land on a row of the same file, as the database demands. */
function checkReferences(archive: z.infer<typeof ArchiveShape>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message })
  const jobIds = uniqueIds(archive.jobs, ['jobs'], issue)
  const narrativeIds = uniqueIds(archive.narratives, ['narratives'], issue)

  const jobsWithNarrative = new Set<string>()
  archive.narratives.forEach((n, i) => {
    if (n.job_id === null) return
    if (!jobIds.has(n.job_id))
      issue(['narratives', i, 'job_id'], 'names a job that is not in the file')
    if (jobsWithNarrative.has(n.job_id))
      issue(['narratives', i, 'job_id'], 'a job has one narrative at most')
    jobsWithNarrative.add(n.job_id)
  })
  const versionKeys = new Set<string>()
  archive.versions.forEach((v, i) => {
    if (!narrativeIds.has(v.narrative_id))
      issue(['versions', i, 'narrative_id'], 'names a narrative that is not in the file')
    const key = `${v.narrative_id}#${v.version}`
    if (versionKeys.has(key)) issue(['versions', i, 'version'], 'appears twice for its narrative')
    versionKeys.add(key)
  })
  archive.ledger.forEach((entry, i) => {
    if (entry.job_id !== null && !jobIds.has(entry.job_id))
      issue(['ledger', i, 'job_id'], 'names a job that is not in the file')
  })
}

function uniqueIds(
  rows: { id: string }[],
  path: string[],
  issue: (path: (string | number)[], message: string) => void,
): Set<string> {
  const seen = new Set<string>()
  rows.forEach((row, i) => {
    if (seen.has(row.id)) issue([...path, i, 'id'], 'appears twice')
    seen.add(row.id)
  })
  return seen
}
