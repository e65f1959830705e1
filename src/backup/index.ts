import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

import type { DatabaseTarget } from '@/config/database'
import { redactUri, sqliteFilePath } from '@/config/database'
import { BackupError } from './errors'
import { backupPostgres, postgresTableCount, restorePostgres } from './postgres'
import { backupSqlite, restoreSqlite, sqliteTableCount } from './sqlite'

export { BackupError, isBackupError } from './errors'

export interface BackupOptions {
  /** Overwrite an existing backup file / a non-empty target database. */
  force?: boolean
}

const stamp = (date = new Date()) =>
  date
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-')

/** Where `npm run backup` writes without a path: backups/redaksi-<UTC time>.<db|dump>. */
export const defaultBackupPath = (target: DatabaseTarget, date = new Date()): string =>
  path.join('backups', `redaksi-${stamp(date)}.${target.kind === 'sqlite' ? 'db' : 'dump'}`)

const sqliteFile = (target: DatabaseTarget): string => {
  const file = sqliteFilePath(target.uri)
  if (!file) throw new BackupError(`${target.uri} names no database file to back up or restore`)
  return file
}

const unsupported = (target: DatabaseTarget) =>
  new BackupError(
    `backup and restore cover SQLite and Postgres; for ${target.kind} use the database's own tools (mongodump / mongorestore)`,
  )

/** Backs the database up into `file` (a SQLite file or a pg_dump custom-format archive). */
export const backupDatabase = async (
  target: DatabaseTarget,
  file: string,
  options: BackupOptions = {},
): Promise<{ file: string; bytes: number }> => {
  if (existsSync(file)) {
    if (!options.force) {
      throw new BackupError(
        `${file} already exists: choose another path or pass --force to replace it`,
      )
    }
    rmSync(file)
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  if (target.kind === 'sqlite') await backupSqlite(sqliteFile(target), file)
  else if (target.kind === 'postgres') backupPostgres(target.uri, file)
  else throw unsupported(target)
  return { file, bytes: statSync(file).size }
}

/**
 * Restores `file` into the configured database. A target that already holds tables is left
 * alone unless `force` (then it is replaced as a whole).
 */
export const restoreDatabase = async (
  target: DatabaseTarget,
  file: string,
  options: BackupOptions = {},
): Promise<void> => {
  if (!existsSync(file)) throw new BackupError(`there is no backup at ${file}`)
  if (target.kind !== 'sqlite' && target.kind !== 'postgres') throw unsupported(target)
  const tables =
    target.kind === 'sqlite'
      ? await sqliteTableCount(sqliteFile(target))
      : postgresTableCount(target.uri)
  if (tables > 0 && !options.force) {
    throw new BackupError(
      `the target database ${redactUri(target.uri)} is not empty (${tables} tables): restoring would replace its data. Stop the server, then re-run with --force to replace it, or point DATABASE_URI at an empty database`,
    )
  }
  if (target.kind === 'sqlite') {
    const dbFile = sqliteFile(target)
    mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true })
    await restoreSqlite(file, dbFile)
  } else {
    restorePostgres(target.uri, file, tables > 0)
  }
}
