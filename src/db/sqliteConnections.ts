import { createRequire } from 'node:module'

type NativeStatement = object
type NativeDatabase = {
  prepare: (sql: string) => NativeStatement
  exec: (sql: string) => unknown
  inTransaction?: boolean
}

const MAX_CACHED_STATEMENTS = 2_000

const configured = new WeakSet<object>()
const statements = new WeakMap<object, Map<string, NativeStatement>>()
const INSTALLED = Symbol.for('redaksi.sqliteConnectionsTuned')

/**
 * Two fixes to the native `libsql` driver under @libsql/client (0.18), applied once per process:
 *
 * 1. Per-connection settings. The client pools connections and opens new ones on demand, but
 *    Payload applies its PRAGMAs (synchronous level, busy timeout) only to the first. Every
 *    connection gets the same settings before its first statement.
 * 2. Prepared-statement reuse. libsql 0.5 never frees a prepared statement's native memory
 *    (about 5 KB each, seen here: 100,000 prepares grew RSS by 550 MB, garbage collection
 *    included), and the client prepares every statement anew. Statements are cached per connection
 *    by SQL text, like better-sqlite3 users do; Payload's queries are parameterised, so the set of
 *    texts is small and memory stays flat. The client runs each statement to completion
 *    synchronously (all/run), so a cached statement is never shared mid-use.
 */
export const tuneSqliteConnections = (pragmas: string[]): void => {
  const registry = globalThis as Record<symbol, unknown>
  if (registry[INSTALLED]) return // once per process, even if this module is loaded twice
  registry[INSTALLED] = true
  const require = createRequire(import.meta.url)
  const Database = require('libsql') as { prototype: NativeDatabase }
  const prepare = Database.prototype.prepare
  const exec = Database.prototype.exec
  const setup = (db: NativeDatabase) => {
    if (configured.has(db)) return
    configured.add(db)
    if (!db.inTransaction) exec.call(db, pragmas.map((p) => `PRAGMA ${p};`).join(' '))
  }
  Database.prototype.prepare = function (this: NativeDatabase, sql: string) {
    setup(this)
    let cache = statements.get(this)
    if (!cache) {
      cache = new Map()
      statements.set(this, cache)
    }
    const cached = cache.get(sql)
    if (cached) return cached
    const statement = prepare.call(this, sql)
    if (cache.size < MAX_CACHED_STATEMENTS) cache.set(sql, statement)
    return statement
  }
  Database.prototype.exec = function (this: NativeDatabase, sql: string) {
    setup(this)
    return exec.call(this, sql)
  }
}
