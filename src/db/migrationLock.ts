import path from 'node:path'

import Database from 'libsql'
import type { BaseDatabaseAdapter, DatabaseAdapterObj, Payload } from 'payload'

import { sqliteFilePath } from '../config/database'
import type { DatabaseTarget } from '../config/database'
import { env } from '@/config/env'
import { ConfigError } from '../config/errors'

/**
 * Migrations run under a lock shared by every process on the same database (servers, `npm run
 * seed`, `npm run create-admin`, `npm run migrate`), so two of them starting at once on a fresh
 * database do not both create the tables. Whoever gets the lock migrates; the others log that
 * they wait, then find nothing left to do. The lock dies with its holder (an OS file lock for
 * SQLite, a session-level advisory lock for Postgres), so a crashed process never blocks the
 * next start.
 */

/** Postgres advisory-lock key space of Redaksi: classid 'REDA', objid per purpose. */
export const ADVISORY_LOCK_CLASS = 0x52454441
export const MIGRATION_LOCK_ID = 1

const DEFAULT_TIMEOUT_SECONDS = 300
const POLL_MS = 250

export type ReleaseLock = () => Promise<void>

export interface LockOptions {
  logger: Payload['logger']
  /** How long to wait for another process's migrations before giving up. */
  timeoutMs: number
}

export const migrationLockTimeoutMs = (
  raw: string | undefined = env.migrationLockTimeoutRaw(),
): number => {
  if (raw === undefined || raw.trim() === '') return DEFAULT_TIMEOUT_SECONDS * 1000
  const seconds = Number(raw)
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new ConfigError(
      'MIGRATION_LOCK_TIMEOUT_SECONDS',
      `MIGRATION_LOCK_TIMEOUT_SECONDS must be a number of seconds, got "${raw}"`,
    )
  }
  return Math.round(seconds * 1000)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const timedOut = (timeoutMs: number, holder: string) =>
  new ConfigError(
    'MIGRATION_LOCK_TIMEOUT_SECONDS',
    `gave up after ${Math.round(timeoutMs / 1000)} s waiting for another process to finish migrating the database (${holder}); ` +
      'let it finish, or stop it, then start again (MIGRATION_LOCK_TIMEOUT_SECONDS sets the wait)',
  )

/**
 * SQLite: an exclusive transaction on a small lock database next to the data file
 * (`<file>.migrate-lock`). Not on the data file itself, which the migrations need to write. Each
 * attempt fails at once when the lock is held (busy timeout 0), so waiting never blocks the event
 * loop inside the native driver.
 */
export const acquireSqliteMigrationLock = async (
  dataFile: string,
  { logger, timeoutMs }: LockOptions,
): Promise<ReleaseLock> => {
  const lockFile = `${path.resolve(dataFile)}.migrate-lock`
  const conn = new Database(lockFile, { timeout: 0 })
  const deadline = Date.now() + timeoutMs
  let logged = false
  for (;;) {
    try {
      conn.exec('BEGIN EXCLUSIVE')
      break
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') {
        conn.close()
        throw err
      }
      if (Date.now() >= deadline) {
        conn.close()
        throw timedOut(timeoutMs, `lock ${lockFile} held by another process`)
      }
      if (!logged) {
        logged = true
        logger.info(
          `another process is migrating the database (lock ${lockFile}); waiting up to ${Math.round(timeoutMs / 1000)} s`,
        )
      }
      await sleep(POLL_MS)
    }
  }
  if (logged) logger.info('migration lock acquired')
  return async () => {
    try {
      conn.exec('ROLLBACK')
    } finally {
      conn.close()
    }
  }
}

interface PgPoolClient {
  query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
  release: (destroy?: boolean | Error) => void
}
interface PgPool {
  connect: () => Promise<PgPoolClient>
}

/**
 * Postgres: a session-level advisory lock held on one pooled connection for the whole run (each
 * migration runs in its own transaction on other connections). pg_try_advisory_lock in a loop
 * rather than pg_advisory_lock, so the wait is bounded and logged.
 */
export const acquirePostgresMigrationLock = async (
  pool: PgPool,
  { logger, timeoutMs }: LockOptions,
): Promise<ReleaseLock> => {
  const client = await pool.connect()
  const params = [ADVISORY_LOCK_CLASS, MIGRATION_LOCK_ID]
  const deadline = Date.now() + timeoutMs
  let logged = false
  try {
    for (;;) {
      const { rows } = await client.query(
        'SELECT pg_try_advisory_lock($1::int, $2::int) AS locked',
        params,
      )
      if (rows[0]?.locked === true) break
      const holder = await client
        .query(
          `SELECT a.pid, a.client_addr::text AS addr FROM pg_locks l
             JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.classid = $1::int AND l.objid = $2::int AND l.granted
            LIMIT 1`,
          params,
        )
        .then(({ rows: [row] }) =>
          row ? `Postgres backend pid ${row.pid}${row.addr ? ` from ${row.addr}` : ''}` : 'unknown',
        )
        .catch(() => 'unknown')
      if (Date.now() >= deadline) throw timedOut(timeoutMs, `lock held by ${holder}`)
      if (!logged) {
        logged = true
        logger.info(
          `another process is migrating the database (lock held by ${holder}); waiting up to ${Math.round(timeoutMs / 1000)} s`,
        )
      }
      await sleep(POLL_MS)
    }
  } catch (err) {
    client.release()
    throw err
  }
  if (logged) logger.info('migration lock acquired')
  return async () => {
    try {
      await client.query('SELECT pg_advisory_unlock($1::int, $2::int)', params)
      client.release()
    } catch (err) {
      // A broken connection ends its session, which releases the lock too.
      client.release(err as Error)
    }
  }
}

type Acquire = (adapter: BaseDatabaseAdapter, options: LockOptions) => Promise<ReleaseLock>

/**
 * Wraps an adapter so its `migrate` (run by connect() in production through prodMigrations, and by
 * `payload migrate`) holds the migration lock. Payload's migrate reads which migrations already
 * ran only after it starts, so a process that waited finds them done and skips them.
 */
export const withMigrationLock = (
  base: DatabaseAdapterObj,
  acquire: Acquire,
): DatabaseAdapterObj => ({
  ...base,
  init: (args) => {
    const adapter = base.init(args)
    const migrate = adapter.migrate
    adapter.migrate = async function (this: BaseDatabaseAdapter, migrateArgs) {
      const release = await acquire(this, {
        logger: this.payload.logger,
        timeoutMs: migrationLockTimeoutMs(),
      })
      try {
        return await migrate.call(this, migrateArgs)
      } finally {
        await release()
      }
    }
    return adapter
  },
})

const postgresMigrationLock: Acquire = async (adapter, options) =>
  acquirePostgresMigrationLock((adapter as unknown as { pool: PgPool }).pool, options)

/** The adapter for `target` with its migrations locked (SQL adapters; MongoDB has none). */
export const withMigrationLockFor = (
  target: DatabaseTarget,
  adapter: DatabaseAdapterObj,
): DatabaseAdapterObj => {
  if (target.kind === 'postgres') return withMigrationLock(adapter, postgresMigrationLock)
  if (target.kind === 'sqlite') {
    const file = sqliteFilePath(target.uri)
    if (file)
      return withMigrationLock(adapter, (_a, options) => acquireSqliteMigrationLock(file, options))
  }
  return adapter
}
