import type { DatabaseAdapterObj } from 'payload'

import type { DatabaseTarget } from '../config/database'
import { withMigrationLockFor } from './migrationLock'
import { withAtomicJobClaims } from './postgresLocks'

/**
 * What makes several processes on one database safe: migrations under a lock (every SQL
 * adapter: servers, seed, create-admin), and on Postgres, where several app servers share the
 * database, atomic job claims.
 */
export const forSeveralProcesses = (
  target: DatabaseTarget,
  adapter: DatabaseAdapterObj,
): DatabaseAdapterObj => {
  const locked = withMigrationLockFor(target, adapter)
  return target.kind === 'postgres' ? withAtomicJobClaims(locked) : locked
}
