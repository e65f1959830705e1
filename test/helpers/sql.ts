import Database from 'libsql'
import pg from 'pg'

import { sqliteFilePath } from '../../src/config/database'
import type { TestDatabase } from './databases'

/** Runs one read-only SQL query straight against a test database (no Payload), for assertions. */
export const sqlQuery = async <T = Record<string, unknown>>(
  db: TestDatabase,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> => {
  if (db.kind === 'sqlite') {
    const file = sqliteFilePath(db.uri)
    if (!file) throw new Error(`not a SQLite file URI: ${db.uri}`)
    const conn = new Database(file, { timeout: 5_000 })
    try {
      return conn.prepare(sql).all(...params) as T[]
    } finally {
      conn.close()
    }
  }
  const client = new pg.Client({ connectionString: db.uri })
  await client.connect()
  try {
    const pgSql = sql.replace(
      /\?/g,
      (() => {
        let n = 0
        return () => `$${++n}`
      })(),
    )
    return (await client.query(pgSql, params)).rows as T[]
  } finally {
    await client.end()
  }
}
