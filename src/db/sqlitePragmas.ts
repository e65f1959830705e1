import { createRequire } from 'node:module'

type NativeDatabase = {
  prepare: (sql: string) => unknown
  exec: (sql: string) => unknown
  inTransaction?: boolean
}

const configured = new WeakSet<object>()
let installed = false

/**
 * @libsql/client (0.18) pools its SQLite connections and opens new ones on demand, but Payload
 * applies its per-connection PRAGMAs (synchronous level, busy timeout) only to the first one. This
 * applies the same settings to every connection the first time it is used, before any statement,
 * so all connections behave alike (and transactions on pooled connections do not fsync on every
 * commit under synchronous=FULL while the first connection runs NORMAL in WAL mode).
 */
export const applyPragmasToEveryConnection = (pragmas: string[]): void => {
  if (installed) return
  installed = true
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
    return prepare.call(this, sql)
  }
  Database.prototype.exec = function (this: NativeDatabase, sql: string) {
    setup(this)
    return exec.call(this, sql)
  }
}
