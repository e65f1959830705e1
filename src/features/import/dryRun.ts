import { existsSync } from 'node:fs'

import type { SanitizedConfig } from 'payload'

import type { DatabaseTarget } from '@/config/database'
import { runtime } from '@/config/runtime'
import { sqliteFilePath } from '@/config/database'

/**
 * Whether a dry run has a database to compare with: a SQLite file that does not exist yet is
 * not created (the run compares documents within the batch); server databases are assumed to
 * exist.
 */
export const dryRunCanReadDatabase = (target: DatabaseTarget): boolean => {
  if (target.kind !== 'sqlite') return true
  const file = sqliteFilePath(target.uri)
  return file === null || existsSync(file)
}

/**
 * The config as a dry run uses it: the adapter connects and reads, but applies no migrations,
 * pushes no schema and does not switch the journal mode, so the database is left as it was.
 */
export const readOnlySchemaConfig = (config: SanitizedConfig): SanitizedConfig => {
  // and the features' start-up work that writes (content backfill, search index) stands down
  runtime.markReadOnly()
  const { init } = config.db
  config.db = {
    ...config.db,
    init: (args) => {
      const adapter = init(args)
      Object.assign(adapter, { prodMigrations: undefined, push: false, wal: false })
      return adapter
    },
  }
  return config
}
