import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle, type PgliteDatabase } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import type { Logger } from '../logging/logger'
import { writeSnapshot } from '../backups/snapshot'
import { readMigrationStatus, type MigrationStatus } from './migrations'
import * as schema from './schema'

export type Database = PgliteDatabase<typeof schema>
/** The handle passed into `db.transaction` callbacks; never mix it with the outer handle. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]
export type DbOrTx = Database | Tx

export interface OpenDatabaseOptions {
  dataDir: string
  migrationsDir: string
  log: Logger
  /** Log every SQL statement (DB_ECHO or DEBUG). */
  echo: boolean
  now: () => Date
}

export interface OpenedDatabase {
  pg: PGlite
  db: Database
  migrations: MigrationStatus
  /** Path of the backup taken before migrating, when one was needed. */
  preMigrationBackup: string | null
  close(): Promise<void>
}

export const DB_FOLDER = 'db'

/** Opens PGlite in the data folder and brings its schema up to the shipped migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { dataDir, log } = options
  mkdirSync(dataDir, { recursive: true })
  const dbDir = join(dataDir, DB_FOLDER)
  const existed = existsSync(join(dbDir, 'PG_VERSION'))

  const started = performance.now()
  const pg = await PGlite.create(dbDir)
  log.info(
    { dbDir, ms: Math.round(performance.now() - started), created: !existed },
    'database opened',
  )

  try {
    return await prepare(pg, options, existed)
  } catch (error) {
    // Left open, the instance would keep the folder's files in use after a failed migration.
    await pg.close().catch((closing: unknown) => {
      log.warn({ err: closing }, 'database could not be closed after a failed start')
    })
    throw error
  }
}

async function prepare(
  pg: PGlite,
  options: OpenDatabaseOptions,
  existed: boolean,
): Promise<OpenedDatabase> {
  const { dataDir, migrationsDir, log } = options
  let preMigrationBackup: string | null = null
  const before = await readMigrationStatus(pg, migrationsDir)
  if (before.pending > 0) {
    // A migration is the riskiest write the app makes; keep the old data to return to.
    if (existed && before.applied > 0) {
      preMigrationBackup = await writeSnapshot(pg, dataDir, 'pre-migration', options.now())
      log.info({ file: preMigrationBackup }, 'backup taken before migrating')
    }
    await migrate(drizzle(pg), { migrationsFolder: migrationsDir })
    log.info({ applied: before.pending, latest: before.latest }, 'migrations applied')
  }

  const sqlLog = log.child({ module: 'sql' })
  const db = drizzle(pg, {
    schema,
    // Parameters stay out of the log: they carry password and token hashes.
    logger: options.echo ? { logQuery: (query) => sqlLog.info({ query }, 'sql') } : false,
  })
  const migrations = await readMigrationStatus(pg, migrationsDir)

  return {
    pg,
    db,
    migrations,
    preMigrationBackup,
    async close() {
      await pg.exec('CHECKPOINT')
      await pg.close()
      log.info('database checkpointed and closed')
    },
  }
}
