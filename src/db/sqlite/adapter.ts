import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { sql } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, DatabaseAdapterObj, Payload } from 'payload'

import { sqliteFilePath } from '@/config/database'
import { env } from '@/config/env'
import { RedaksiSqliteClient } from './client'
import { DatabaseBusyError, unavailableCause } from './errors'
import { libsqlVersionWarning } from './libsqlVersion'

/** The WAL file is truncated back to this size after checkpoints. */
export const WAL_JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

type PushSchema = (schema: unknown, drizzle: DrizzleRun, ...rest: unknown[]) => Promise<unknown>
type DrizzleRun = { run: (query: unknown) => Promise<unknown> }
type SqliteAdapter = BaseDatabaseAdapter & {
  client?: unknown
  payload: Payload
  beginTransaction: NonNullable<BaseDatabaseAdapter['beginTransaction']>
  requireDrizzleKit?: () => { pushSchema: PushSchema } & Record<string, unknown>
}

/**
 * Tables created by hand-written migrations (drizzle does not model them): the full-text search
 * index (src/features/search, an FTS5 virtual table and its shadow tables). `npm run dev`'s
 * schema push would ask to drop them (SQLite's push has no table filter), so in development they
 * are dropped before the push and recreated by their feature when Payload starts (the search
 * index is rebuilt from the live articles). Production uses migrations and never pushes.
 */
export const DEV_PUSH_HAND_WRITTEN_TABLES = ['search_articles']

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
    const requireDrizzleKit = adapter.requireDrizzleKit
    if (requireDrizzleKit) {
      adapter.requireDrizzleKit = () => {
        const kit = requireDrizzleKit()
        return {
          ...kit,
          pushSchema: async (schema, drizzle, ...rest) => {
            for (const table of DEV_PUSH_HAND_WRITTEN_TABLES) {
              await drizzle.run(sql.raw(`DROP TABLE IF EXISTS \`${table}\``))
            }
            return kit.pushSchema(schema, drizzle, ...rest)
          },
        }
      }
    }
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
