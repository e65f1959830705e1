import { statSync } from 'node:fs'
import { createRequire } from 'node:module'

import type {
  Client,
  InArgs,
  InStatement,
  InValue,
  ResultSet,
  Row,
  Transaction,
  TransactionMode,
} from '@libsql/client'

import { DatabaseBusyError, DatabaseGoneError } from './errors'
import { currentDbScope, DbScope } from './scope'

/**
 * Redaksi's SQLite client: the @libsql/client interface Payload's adapter (through drizzle) uses,
 * on top of the native `libsql` driver, designed so that the database can never stall the event
 * loop or wedge the process.
 *
 * - One writer connection. Every write (a transaction, or a single statement outside one) takes
 *   the writer through an in-process async queue, so the process's own writers never contend
 *   with each other inside SQLite.
 * - Reader connections (up to `readers`, `PRAGMA query_only`) serve reads outside transactions.
 *   In WAL mode they never wait for the writer. Each read runs to completion in one synchronous
 *   call, so no connection keeps a snapshot after its statement; checkpoints keep up.
 * - `busy_timeout = 0` everywhere: a lock held by another process (a CLI, a backup, `sqlite3`)
 *   never blocks inside the native driver. Busy statements are retried asynchronously with
 *   backoff until `lockWaitMs`, then fail with DatabaseBusyError (HTTP 503).
 * - A scope (one request) that holds the writer runs all its statements there, so Payload's
 *   deliberate out-of-transaction writes join the transaction instead of deadlocking; a nested
 *   transaction in the same scope becomes a SAVEPOINT.
 * - The database file's identity is checked before each write: if it was removed or replaced,
 *   writes fail with DatabaseGoneError instead of going to a ghost or a fresh empty file.
 * - Prepared statements are cached per connection (libsql 0.5 never frees one).
 */

type NativeStatement = {
  raw: (toggle?: boolean) => NativeStatement
  safeIntegers: (toggle?: boolean) => NativeStatement
  columns: () => { name: string; type: string | null }[]
  all: (args: unknown) => unknown[][]
  run: (args: unknown) => { changes: number; lastInsertRowid: number | bigint }
}
type NativeDatabase = {
  prepare: (sql: string) => NativeStatement
  exec: (sql: string) => void
  close: () => void
  open: boolean
  readonly inTransaction: boolean
}
type NativeDatabaseClass = new (path: string, options?: { timeout?: number }) => NativeDatabase

const require = createRequire(import.meta.url)

export interface SqliteClientOptions {
  /** Path to the database file (not a URL). */
  file: string
  /** How long a write may wait for the lock (queue + another process), in ms. */
  lockWaitMs: number
  /** Reader connections kept for reads outside transactions. */
  readers: number
  /** Per-connection PRAGMAs (e.g. `synchronous = NORMAL`). */
  pragmas: string[]
  intMode?: 'number' | 'bigint' | 'string'
  /** Switch the file to WAL with this journal size limit (bytes). */
  walJournalSizeLimit?: number
  /** Called with a one-line description when something noteworthy happens (busy waits, recycling). */
  log?: (level: 'info' | 'warn', message: string) => void
}

const MAX_CACHED_STATEMENTS = 2_000
const READ_ONLY = /^\s*(?:--[^\n]*\n\s*)*(?:select|explain)\b/i
const WITH_SELECT = /^\s*with\b/i
const WRITE_WORD = /\b(?:insert|update|delete|replace|create|drop|alter)\b/i
const PRAGMA = /^\s*pragma\s+(?:main\.)?(\w+)\s*(=|\()?/i

const isReadStatement = (sql: string): boolean =>
  READ_ONLY.test(sql) || (WITH_SELECT.test(sql) && !WRITE_WORD.test(sql))

const isBusy = (err: unknown): boolean => {
  const e = err as { code?: string; rawCode?: number }
  if (typeof e?.rawCode === 'number') return (e.rawCode & 0xff) === 5 || (e.rawCode & 0xff) === 6
  return typeof e?.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(e.code)
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

class SqliteResult implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}
  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((row) => Array.prototype.slice.call(row)),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid?.toString() ?? null,
    }
  }
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER)
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

const toSql = (value: InValue | undefined): unknown => {
  if (value === undefined) throw new TypeError('undefined cannot be passed as a SQL argument')
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError('only finite numbers can be passed as SQL arguments')
  }
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.valueOf()
  if (value instanceof ArrayBuffer) return Buffer.from(value)
  return value
}

class Connection {
  readonly db: NativeDatabase
  /**
   * libsql 0.5: a prepared statement that fails with SQLITE_BUSY is never reset, so the
   * connection stays inside an implicit transaction: later "autocommit" writes on it are never
   * committed (lost when it closes), its snapshot goes stale (SQLITE_BUSY_SNAPSHOT) and WAL
   * checkpoints stop advancing. Such a connection is closed and replaced, never reused.
   */
  poisoned = false
  private readonly statements = new Map<string, NativeStatement>()

  constructor(
    Native: NativeDatabaseClass,
    file: string,
    pragmas: string[],
    private readonly intMode: 'number' | 'bigint' | 'string',
  ) {
    this.db = new Native(file, { timeout: 0 })
    try {
      this.db.exec(['busy_timeout = 0', ...pragmas].map((p) => `PRAGMA ${p};`).join(' '))
    } catch (err) {
      // e.g. SQLITE_BUSY while another process creates the file or switches it to WAL: the
      // caller retries with a new connection
      this.close()
      throw err
    }
  }

  private fromSql(value: unknown): unknown {
    if (typeof value === 'bigint') {
      if (this.intMode === 'bigint') return value
      if (this.intMode === 'string') return value.toString()
      if (value < MIN_SAFE || value > MAX_SAFE) {
        throw new RangeError('an integer in the database cannot be represented as a JS number')
      }
      return Number(value)
    }
    if (Buffer.isBuffer(value)) {
      return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)
    }
    return value
  }

  private prepare(sql: string): NativeStatement {
    const cached = this.statements.get(sql)
    if (cached) return cached
    const statement = this.db.prepare(sql)
    statement.safeIntegers(true)
    if (this.statements.size < MAX_CACHED_STATEMENTS) this.statements.set(sql, statement)
    return statement
  }

  /** Runs one statement to completion (synchronously: no snapshot outlives the call). */
  execute(stmt: InStatement): SqliteResult {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql
    const rawArgs: InArgs = typeof stmt === 'string' ? [] : (stmt.args ?? [])
    const args = Array.isArray(rawArgs)
      ? rawArgs.map(toSql)
      : Object.fromEntries(
          Object.entries(rawArgs).map(([name, value]) => [
            name.replace(/^[@$:]/, ''),
            toSql(value),
          ]),
        )
    try {
      return this.run(sql, args)
    } catch (err) {
      if (isBusy(err)) this.poisoned = true
      throw err
    }
  }

  private run(sql: string, args: unknown): SqliteResult {
    const statement = this.prepare(sql)
    let returnsData = true
    try {
      statement.raw(true)
    } catch {
      returnsData = false
    }
    if (!returnsData) {
      const info = statement.run(args)
      return new SqliteResult([], [], [], info.changes, BigInt(info.lastInsertRowid))
    }
    const columnInfo = statement.columns()
    const columns = columnInfo.map((c) => c.name)
    const rows = statement.all(args).map((values) => {
      const row: Record<string | number, unknown> = {}
      Object.defineProperty(row, 'length', { value: values.length })
      values.forEach((raw, i) => {
        const value = this.fromSql(raw)
        Object.defineProperty(row, i, { value })
        const column = columns[i]
        if (column !== undefined && !Object.hasOwn(row, column)) {
          Object.defineProperty(row, column, {
            value,
            enumerable: true,
            configurable: true,
            writable: true,
          })
        }
      })
      return row as unknown as Row
    })
    return new SqliteResult(
      columns,
      columnInfo.map((c) => c.type ?? ''),
      rows,
      0,
      undefined,
    )
  }

  exec(sql: string): void {
    this.db.exec(sql)
  }

  close(): void {
    this.statements.clear()
    try {
      if (this.db.open) this.db.close()
    } catch {
      // already unusable
    }
  }
}

type Lease = { scope: DbScope; savepoints: number; inTransaction: boolean }
type Waiter = {
  scope: DbScope
  resolve: () => void
  reject: (err: Error) => void
  timer: NodeJS.Timeout
}

export class RedaksiSqliteClient implements Client {
  closed = false
  readonly protocol = 'file'
  private readonly Native: NativeDatabaseClass
  private readonly intMode: 'number' | 'bigint' | 'string'
  private writer: Connection | null = null
  private idleReaders: Connection[] = []
  private lease: Lease | null = null
  private waiters: Waiter[] = []
  private identity: { dev: number; ino: number } | null = null
  private readonly pragmas: string[]
  private walPending: boolean

  constructor(private readonly options: SqliteClientOptions) {
    this.Native = require('libsql') as NativeDatabaseClass
    this.intMode = options.intMode ?? 'number'
    this.pragmas = [...options.pragmas]
    // open (and create, for a new database) the writer now, so a bad path fails at start; WAL lets
    // readers and the writer work side by side (a database-level setting, kept in the file)
    this.walPending = options.walJournalSizeLimit !== undefined
    try {
      this.writerConnection()
    } catch (err) {
      // another process holds the file (creating it, migrating, switching it to WAL): nothing is
      // kept, and the first statement opens the writer again with the usual bounded retries
      if (!isBusy(err)) throw err
    }
  }

  /** Switches the file to WAL once, on the writer (SQLITE_BUSY is retried by the caller). */
  private switchToWal(conn: Connection): void {
    if (!this.walPending || this.options.walJournalSizeLimit === undefined) return
    conn.exec('PRAGMA journal_mode = WAL')
    conn.exec(`PRAGMA journal_size_limit = ${Math.trunc(this.options.walJournalSizeLimit)}`)
    this.walPending = false
  }

  // ---------------------------------------------------------------------------- connections

  private checkFile(): void {
    let stat: { dev: number; ino: number }
    try {
      stat = statSync(this.options.file)
    } catch {
      throw new DatabaseGoneError(this.options.file)
    }
    if (!this.identity) this.identity = { dev: stat.dev, ino: stat.ino }
    else if (this.identity.dev !== stat.dev || this.identity.ino !== stat.ino) {
      throw new DatabaseGoneError(this.options.file)
    }
  }

  private writerConnection(): Connection {
    if (this.closed) throw new Error('The database client is closed')
    if (!this.writer) {
      if (this.identity) this.checkFile()
      this.writer = new Connection(this.Native, this.options.file, this.pragmas, this.intMode)
      this.checkFile()
    }
    try {
      this.switchToWal(this.writer)
    } catch (err) {
      this.recycleWriter()
      throw err
    }
    return this.writer
  }

  private takeReader(): Connection {
    if (this.closed) throw new Error('The database client is closed')
    const idle = this.idleReaders.pop()
    if (idle) return idle
    this.checkFile()
    return new Connection(
      this.Native,
      this.options.file,
      [...this.pragmas, 'query_only = 1'],
      this.intMode,
    )
  }

  private giveReader(conn: Connection, broken: boolean): void {
    if (broken || this.closed || this.idleReaders.length >= this.options.readers) {
      conn.close()
      return
    }
    this.idleReaders.push(conn)
  }

  /** Replaces the writer connection (after an error that may have left state behind). */
  private recycleWriter(): void {
    this.writer?.close()
    this.writer = null
  }

  // ---------------------------------------------------------------------------- writer lease

  private ownsWriter(scope: DbScope | undefined): boolean {
    // only an open transaction is joined (not a scope still waiting to BEGIN)
    return Boolean(scope && this.lease?.inTransaction && this.lease.scope === scope)
  }

  private acquire(scope: DbScope, deadline: number): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The database client is closed'))
    if (!this.lease && this.waiters.length === 0) {
      this.lease = { scope, savepoints: 0, inTransaction: false }
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        scope,
        resolve,
        reject,
        timer: setTimeout(
          () => {
            this.waiters = this.waiters.filter((w) => w !== waiter)
            reject(new DatabaseBusyError())
          },
          Math.max(0, deadline - Date.now()),
        ),
      }
      this.waiters.push(waiter)
    })
  }

  private release(): void {
    this.lease = null
    const next = this.waiters.shift()
    if (next) {
      clearTimeout(next.timer)
      this.lease = { scope: next.scope, savepoints: 0, inTransaction: false }
      next.resolve()
    }
  }

  /** Runs `work` on the writer, retrying asynchronously while another process holds the lock. */
  private async onWriter<T>(work: (conn: Connection) => T, deadline: number): Promise<T> {
    let delay = 1
    for (;;) {
      let conn: Connection | null = null
      try {
        conn = this.writerConnection()
        return work(conn)
      } catch (err) {
        if (conn?.poisoned) this.recycleWriter()
        if (!isBusy(err)) throw err
        if (Date.now() + delay > deadline) throw new DatabaseBusyError()
        if (delay >= 8)
          this.options.log?.('info', 'SQLite writer waiting for a lock held elsewhere')
        await sleep(delay)
        delay = Math.min(delay * 2, 50)
      }
    }
  }

  private async onReader<T>(work: (conn: Connection) => T, deadline: number): Promise<T> {
    let delay = 1
    for (;;) {
      let conn: Connection | null = null
      let broken = false
      try {
        conn = this.takeReader()
        return work(conn)
      } catch (err) {
        broken = true
        if (!isBusy(err)) throw err
        if (Date.now() + delay > deadline) throw new DatabaseBusyError()
        await sleep(delay)
        delay = Math.min(delay * 2, 50)
      } finally {
        // a statement that failed may have left state behind: never reuse that connection
        if (conn) this.giveReader(conn, broken || conn.poisoned || conn.db.inTransaction)
      }
    }
  }

  private deadline(): number {
    return Date.now() + this.options.lockWaitMs
  }

  /** One write outside a transaction: takes the writer for just this statement. */
  private async writeOnce<T>(work: (conn: Connection) => T): Promise<T> {
    const scope = currentDbScope()
    if (this.ownsWriter(scope)) return work(this.writerConnection())
    const own = new DbScope('statement')
    const deadline = this.deadline()
    await this.acquire(own, deadline)
    try {
      this.checkFile()
      return await this.onWriter(work, deadline)
    } finally {
      if (this.writer?.poisoned || this.writer?.db.inTransaction) this.recycleWriter()
      this.release()
    }
  }

  // ---------------------------------------------------------------------------- Client API

  private pragma(sql: string): SqliteResult | null {
    const match = PRAGMA.exec(sql)
    if (!match) return null
    const name = match[1].toLowerCase()
    if (name === 'busy_timeout') return new SqliteResult([], [], [], 0, undefined) // always 0 here
    if (match[2] === '=' && name !== 'journal_mode' && name !== 'journal_size_limit') {
      // a per-connection setting: every connection, present and future, gets it
      const setting = sql.replace(/^\s*pragma\s+/i, '').replace(/;\s*$/, '')
      this.pragmas.push(setting)
      for (const reader of this.idleReaders) reader.exec(`PRAGMA ${setting};`)
    }
    return null
  }

  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const stmt: InStatement =
      typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql
    const sql = typeof stmt === 'string' ? stmt : stmt.sql
    if (this.closed) throw new Error('The database client is closed')
    const handled = this.pragma(sql)
    if (handled) return handled
    const scope = currentDbScope()
    if (this.ownsWriter(scope)) return this.writerConnection().execute(stmt)
    if (isReadStatement(sql)) return this.onReader((conn) => conn.execute(stmt), this.deadline())
    return this.writeOnce((conn) => conn.execute(stmt))
  }

  async batch(
    stmts: (InStatement | [string, InArgs?])[],
    _mode?: TransactionMode,
  ): Promise<ResultSet[]> {
    const normalized = stmts.map((s) => (Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s))
    const tx = await this.transaction('write')
    try {
      const results: ResultSet[] = []
      for (const stmt of normalized) results.push(await tx.execute(stmt))
      await tx.commit()
      return results
    } catch (err) {
      await tx.rollback().catch(() => undefined)
      throw err
    }
  }

  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.writeOnce((conn) => {
      conn.exec('PRAGMA foreign_keys = off')
      try {
        conn.exec('BEGIN DEFERRED')
        const results = stmts.map((stmt) => conn.execute(stmt))
        conn.exec('COMMIT')
        return results
      } finally {
        if (conn.db.inTransaction) conn.exec('ROLLBACK')
        conn.exec('PRAGMA foreign_keys = on')
      }
    })
  }

  async transaction(_mode?: TransactionMode): Promise<Transaction> {
    if (this.closed) throw new Error('The database client is closed')
    const scope = currentDbScope()
    if (this.ownsWriter(scope) && this.lease) {
      // a transaction inside the scope's own transaction: a savepoint on the same connection
      const lease = this.lease
      const name = `redaksi_sp_${++lease.savepoints}`
      const conn = this.writerConnection()
      conn.exec(`SAVEPOINT ${name}`)
      return new WriterTransaction(this, conn, { savepoint: name, lease, releaseLease: false })
    }
    const owner = scope ?? new DbScope('transaction')
    const deadline = this.deadline()
    await this.acquire(owner, deadline)
    const lease = this.lease!
    try {
      this.checkFile()
      const conn = await this.onWriter((c) => {
        c.exec('BEGIN IMMEDIATE')
        return c
      }, deadline)
      lease.inTransaction = true
      return new WriterTransaction(this, conn, { savepoint: null, lease, releaseLease: true })
    } catch (err) {
      this.release()
      throw err
    }
  }

  /** @internal called by WriterTransaction when it settles */
  settle(lease: Lease, releaseLease: boolean, failed: boolean): void {
    if (this.lease !== lease) return
    // a savepoint settles inside its enclosing transaction, which keeps the writer
    if (!releaseLease) return
    if (this.writer?.poisoned || (failed && this.writer?.db.inTransaction)) this.recycleWriter()
    this.release()
  }

  async executeMultiple(sql: string): Promise<void> {
    const scope = currentDbScope()
    if (this.ownsWriter(scope)) return this.writerConnection().exec(sql)
    await this.writeOnce((conn) => conn.exec(sql))
  }

  async sync(): Promise<undefined> {
    return undefined
  }

  async reconnect(): Promise<void> {
    this.closeConnections()
    this.closed = false
  }

  /**
   * Readiness: the file is the one we opened, the schema is there, and a write lock can be taken
   * (BEGIN IMMEDIATE, then ROLLBACK) within `timeoutMs`.
   */
  async probe(timeoutMs: number, table = 'payload_migrations'): Promise<void> {
    this.checkFile()
    const deadline = Date.now() + timeoutMs
    const tables = await this.onReader(
      (conn) =>
        conn.execute({
          sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
          args: [table],
        }),
      deadline,
    )
    if (tables.rows.length === 0) throw new Error(`the database has no "${table}" table`)
    const scope = new DbScope('readiness')
    await this.acquire(scope, deadline)
    try {
      this.checkFile()
      await this.onWriter((conn) => {
        conn.exec('BEGIN IMMEDIATE')
        conn.exec('ROLLBACK')
      }, deadline)
    } finally {
      this.release()
    }
  }

  /** A passive WAL checkpoint through the writer queue (never waits on readers). */
  async checkpoint(mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): Promise<number[] | null> {
    const result = await this.writeOnce((conn) =>
      conn.execute(`PRAGMA wal_checkpoint(${mode})`),
    ).catch(() => null)
    const row = result?.rows[0]
    return row ? Array.prototype.slice.call(row).map(Number) : null
  }

  private closeConnections(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer)
      waiter.reject(new Error('The database client is closed'))
    }
    this.waiters = []
    for (const reader of this.idleReaders) reader.close()
    this.idleReaders = []
    this.writer?.close()
    this.writer = null
    this.lease = null
  }

  close(): void {
    this.closed = true
    this.closeConnections()
  }
}

class WriterTransaction implements Transaction {
  private done = false
  constructor(
    private readonly client: RedaksiSqliteClient,
    private readonly conn: Connection,
    private readonly state: { savepoint: string | null; lease: Lease; releaseLease: boolean },
  ) {}

  private check(): void {
    if (this.done) throw new Error('The transaction is closed')
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    this.check()
    return this.conn.execute(stmt)
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    this.check()
    return stmts.map((stmt) => this.conn.execute(stmt))
  }

  async executeMultiple(sql: string): Promise<void> {
    this.check()
    this.conn.exec(sql)
  }

  async commit(): Promise<void> {
    if (this.done) return
    this.done = true
    let failed = false
    try {
      if (this.state.savepoint) this.conn.exec(`RELEASE ${this.state.savepoint}`)
      else this.conn.exec('COMMIT')
    } catch (err) {
      failed = true
      throw err
    } finally {
      this.client.settle(this.state.lease, this.state.releaseLease, failed)
    }
  }

  async rollback(): Promise<void> {
    if (this.done) return
    this.done = true
    let failed = false
    try {
      if (this.state.savepoint) {
        this.conn.exec(`ROLLBACK TO ${this.state.savepoint}`)
        this.conn.exec(`RELEASE ${this.state.savepoint}`)
      } else if (this.conn.db.open && this.conn.db.inTransaction) {
        this.conn.exec('ROLLBACK')
      }
    } catch {
      failed = true
    } finally {
      this.client.settle(this.state.lease, this.state.releaseLease, failed)
    }
  }

  close(): void {
    void this.rollback()
  }

  get closed(): boolean {
    return this.done
  }
}
