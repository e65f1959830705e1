import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import os from 'node:os'

import type { Payload } from 'payload'

import type { DatabaseTarget } from '@/config/database'
import { sqliteFilePath } from '@/config/database'

/** Held by one import run at a time; `release` gives it back (idempotent). */
export interface ImportLock {
  release: () => Promise<void>
}

export interface LockOptions {
  /** Called once when another run holds the lock and this one starts waiting. */
  onWait?: (holder: string) => void
  /** Polling interval while waiting (ms). */
  pollMs?: number
}

/** pg_advisory_lock key of the importer ("RDKS"). */
export const IMPORT_LOCK_KEY = 0x52444b53

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * SQLite: a lock file beside the database (`<db>.import-lock`, created exclusively) naming the
 * holder. A holder on this machine that is no longer running (killed, crashed) left a stale file:
 * it is taken over.
 */
const sqliteLock = async (file: string, options: LockOptions): Promise<ImportLock> => {
  const lockPath = `${file}.import-lock`
  const me = JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
  })
  let waited = false
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeSync(fd, me)
      closeSync(fd)
      let released = false
      return {
        release: async () => {
          if (released) return
          released = true
          try {
            unlinkSync(lockPath)
          } catch {
            // already gone
          }
        },
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    let holder: { pid?: number; host?: string } = {}
    try {
      holder = JSON.parse(readFileSync(lockPath, 'utf8')) as typeof holder
    } catch {
      // being written or removed right now: look again
    }
    if (
      holder.host === os.hostname() &&
      typeof holder.pid === 'number' &&
      !processAlive(holder.pid)
    ) {
      try {
        unlinkSync(lockPath)
      } catch {
        // another waiter took it over first
      }
      continue
    }
    if (!waited && holder.pid !== undefined) {
      waited = true
      options.onWait?.(`process ${holder.pid} on ${holder.host ?? 'this machine'}`)
    }
    await sleep(options.pollMs ?? 250)
  }
}

type PgClient = {
  query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
  release: () => void
}
type PgPool = { connect: () => Promise<PgClient> }

/**
 * Postgres: a session advisory lock on a connection of the adapter's pool, held for the run.
 * Waiting polls pg_try_advisory_lock: a blocking pg_advisory_lock would be cancelled by the
 * pool's `lock_timeout` (DB_LOCK_WAIT_MS, a per-statement bound) while another import that
 * takes minutes is still running.
 */
const postgresLock = async (pool: PgPool, options: LockOptions): Promise<ImportLock> => {
  const client = await pool.connect()
  try {
    let waited = false
    for (;;) {
      const tried = await client.query('SELECT pg_try_advisory_lock($1) AS ok', [IMPORT_LOCK_KEY])
      if (tried.rows[0]?.ok) break
      if (!waited) {
        waited = true
        const holder = await client.query(
          "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted LIMIT 1",
          [IMPORT_LOCK_KEY],
        )
        options.onWait?.(`Postgres backend ${String(holder.rows[0]?.pid ?? '?')}`)
      }
      await sleep(options.pollMs ?? 250)
    }
  } catch (err) {
    client.release()
    throw err
  }
  let released = false
  return {
    release: async () => {
      if (released) return
      released = true
      try {
        await client.query('SELECT pg_advisory_unlock($1)', [IMPORT_LOCK_KEY])
      } finally {
        client.release()
      }
    },
  }
}

/**
 * One import at a time per database: concurrent `npm run seed` runs wait for each other instead
 * of racing for the same slugs and authors. MongoDB has no such lock (each failure is reported
 * on its own line).
 */
export const acquireImportLock = async (
  payload: Payload,
  target: DatabaseTarget,
  options: LockOptions = {},
): Promise<ImportLock> => {
  if (target.kind === 'sqlite') {
    const file = sqliteFilePath(target.uri)
    if (file) return sqliteLock(file, options)
  }
  if (target.kind === 'postgres') {
    const pool = (payload.db as unknown as { pool?: PgPool }).pool
    if (pool) return postgresLock(pool, options)
  }
  return { release: async () => undefined }
}
