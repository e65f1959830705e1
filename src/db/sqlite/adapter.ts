import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { BaseDatabaseAdapter, DatabaseAdapterObj, Payload } from 'payload'

import { sqliteFilePath } from '@/config/database'
import { env } from '@/config/env'
import { RedaksiSqliteClient } from './client'
import { DatabaseBusyError, unavailableCause } from './errors'
import { libsqlVersionWarning } from './libsqlVersion'

/** The WAL file is truncated back to this size after checkpoints. */
export const WAL_JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

type SqliteAdapter = BaseDatabaseAdapter & {
  client?: unknown
  payload: Payload
  beginTransaction: NonNullable<BaseDatabaseAdapter['beginTransaction']>
}

/**
 * Gives Payload's SQLite adapter Redaksi's client (src/db/sqlite/client.ts) instead of the
 * stock @libsql/client one: db-sqlite's connect() only creates a client when none is set. A busy
 * database at BEGIN becomes a 503 (Payload would wrap it into a plain 500 error).
 */
export const withRedaksiSqliteClient = (
  base: DatabaseAdapterObj,
  uri: string,
): DatabaseAdapterObj => ({
  ...base,
  init: (args) => {
    const adapter = base.init(args) as unknown as SqliteAdapter
    const connect = adapter.connect
    const beginTransaction = adapter.beginTransaction
    adapter.connect = async function (this: SqliteAdapter, options) {
      if (!this.client) {
        const file = sqliteFilePath(uri)
        if (!file) throw new Error(`DATABASE_URI ${uri} names no SQLite file`)
        mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
        const settings = env.sqlite()
        const versionWarning = libsqlVersionWarning()
        if (versionWarning) this.payload?.logger?.warn(versionWarning)
        this.client = new RedaksiSqliteClient({
          file,
          lockWaitMs: settings.lockWaitMs,
          readers: settings.readers,
          pragmas: ['synchronous = NORMAL'],
          walJournalSizeLimit: WAL_JOURNAL_SIZE_LIMIT,
          log: (level, message) => this.payload?.logger?.[level](message),
        })
      }
      return connect?.call(this, options)
    }
    adapter.beginTransaction = async function (this: SqliteAdapter, options) {
      try {
        return await beginTransaction.call(this, options)
      } catch (err) {
        const cause = unavailableCause(err)
        if (cause) throw cause instanceof DatabaseBusyError ? new DatabaseBusyError() : cause
        throw err
      }
    }
    return adapter as unknown as ReturnType<DatabaseAdapterObj['init']>
  },
})
