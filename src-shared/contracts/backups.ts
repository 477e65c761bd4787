import { z } from 'zod'
import { IsoDateSchema } from './common'

/** One backup of the database in the data folder's `backups/`. */
export const BackupInfoSchema = z.object({
  file: z.string().describe('File name inside the backups folder; it names the backup in requests'),
  reason: z.string().describe('daily, manual, pre-migration, …'),
  created_at: IsoDateSchema,
  size_bytes: z.number().int(),
  automatic: z.boolean().describe('Taken by the daily timer; only these are pruned'),
})
export type BackupInfo = z.infer<typeof BackupInfoSchema>

export const BackupListSchema = z.object({
  items: z.array(BackupInfoSchema).describe('Newest first'),
  keep: z.number().int().describe('How many automatic backups are kept'),
  pending_restore: z.boolean().describe('A checked restore waits for the next start'),
})
export type BackupList = z.infer<typeof BackupListSchema>

export const RestoreRequestSchema = z.strictObject({
  file: z.string().min(1).max(200),
})
export type RestoreRequest = z.infer<typeof RestoreRequestSchema>

export const RestoreStagedSchema = z.object({
  file: z.string(),
  users: z.number().int().describe('Accounts found in the backup'),
  restart_required: z.literal(true),
  message: z.string(),
})
export type RestoreStaged = z.infer<typeof RestoreStagedSchema>
