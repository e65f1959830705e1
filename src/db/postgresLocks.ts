import { sql } from '@payloadcms/db-postgres'
import type { BaseDatabaseAdapter, DatabaseAdapterObj, PayloadRequest } from 'payload'

import { ADVISORY_LOCK_CLASS } from './migrationLock'

/** Advisory-lock id (in Redaksi's class) that serialises claiming and requeueing jobs. */
export const JOBS_CLAIM_LOCK_ID = 2

type Execute = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }
type DrizzleAdapter = BaseDatabaseAdapter & {
  sessions?: Record<string | number, { db: Execute } | undefined>
  tableNameMap?: Map<string, string>
}

const sessionOf = async (adapter: DrizzleAdapter, req?: Partial<PayloadRequest>) => {
  const id = req?.transactionID ? await req.transactionID : undefined
  return id === undefined ? undefined : adapter.sessions?.[id]?.db
}

/**
 * Payload 3.90 claims jobs (runJobs → updateJobs with `processing: false` in `where`) by a SELECT
 * and then an UPDATE of each row by id, in one READ COMMITTED transaction: two servers running
 * the queue at the same tick both read the same free jobs and both run them. Bulk job updates
 * (claims, and the stale-job requeue) therefore take a transaction-level advisory lock first:
 * the second server's SELECT starts after the first committed and sees the jobs taken. Claims
 * take milliseconds, so the queue stays concurrent where it matters (running the jobs).
 * Updates of one job by id (progress, completion) are not serialised.
 */
export const withAtomicJobClaims = (base: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...base,
  init: (args) => {
    const adapter = base.init(args) as DrizzleAdapter
    const updateJobs = adapter.updateJobs
    adapter.updateJobs = async function (this: DrizzleAdapter, jobArgs) {
      if (jobArgs.where && jobArgs.id === undefined) {
        const db = await sessionOf(this, jobArgs.req)
        if (db) {
          await db.execute(
            sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASS}::int, ${JOBS_CLAIM_LOCK_ID}::int)`,
          )
        }
      }
      return updateJobs.call(this, jobArgs)
    }
    return adapter
  },
})

/**
 * Postgres: locks one row (`SELECT … FOR UPDATE`) inside the request's transaction, so concurrent
 * read-check-write sequences on it (two workflow transitions, two job runners) run one after the
 * other across servers and the second sees the first's result. A no-op on other adapters (SQLite
 * transactions take the database write lock; MongoDB has no multi-server deployment here) and
 * outside a transaction.
 */
export const lockRowForUpdate = async (
  req: PayloadRequest,
  collection: string,
  id: string | number,
): Promise<void> => {
  const adapter = req.payload.db as unknown as DrizzleAdapter
  if (adapter.name !== 'postgres' || !/^\d+$/.test(String(id))) return
  const db = await sessionOf(adapter, req)
  const table = adapter.tableNameMap?.get(collection.replace(/-/g, '_'))
  if (!db || !table) return
  await db.execute(sql`SELECT id FROM ${sql.identifier(table)} WHERE id = ${Number(id)} FOR UPDATE`)
}
