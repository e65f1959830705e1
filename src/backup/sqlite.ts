import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { BackupError } from './errors'

const SQLITE_HEADER = 'SQLite format 3\u0000'

const quote = (file: string) => `'${file.replace(/'/g, "''")}'`

const isSqliteFile = (file: string): boolean => {
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(16)
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === SQLITE_HEADER
  } finally {
    closeSync(fd)
  }
}

/** Tables in a SQLite file (0 for a missing or empty file). */
export const sqliteTableCount = async (file: string): Promise<number> => {
  if (!existsSync(file) || statSync(file).size === 0) return 0
  const client = createClient({ url: `file:${file}` })
  try {
    const res = await client.execute(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    return Number(res.rows[0]?.n ?? 0)
  } finally {
    client.close()
  }
}

/**
 * Online backup of a live SQLite database: `VACUUM INTO` copies one consistent snapshot (a read
 * transaction, so it is safe with WAL and a running server, which keeps writing meanwhile) into a
 * new, compacted file.
 */
export const backupSqlite = async (source: string, target: string): Promise<void> => {
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source} to back up`)
  const client = createClient({ url: `file:${source}` })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    await client.execute(`VACUUM INTO ${quote(path.resolve(target))}`)
  } finally {
    client.close()
  }
}

/**
 * Restores a backup file over the target database file: checks the backup is a SQLite database
 * with tables, copies it beside the target, then renames it into place and removes the target's
 * old WAL and shared-memory files (they belong to the replaced database). The server must be
 * stopped.
 */
export const restoreSqlite = async (backup: string, target: string): Promise<void> => {
  if (!isSqliteFile(backup)) throw new BackupError(`${backup} is not a SQLite database file`)
  if ((await sqliteTableCount(backup)) === 0) {
    throw new BackupError(`${backup} holds no tables: it is not a Redaksi backup`)
  }
  const staging = `${target}.restoring`
  rmSync(staging, { force: true })
  // VACUUM INTO from the backup gives a clean, self-contained file (no WAL of its own)
  await backupSqlite(backup, staging)
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true })
  renameSync(staging, target)
}
