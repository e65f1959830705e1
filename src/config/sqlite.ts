import type { RawEnv } from './env'
import { ConfigError } from './errors'

export interface SqliteSettings {
  /** How long a write waits for the lock (in-process queue plus other processes), ms. */
  lockWaitMs: number
  /** Reader connections kept open for reads outside transactions. */
  readers: number
}

const integer = (
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
) => {
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      name,
      `${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
    )
  }
  return value
}

/** SQLite tuning from the environment (DB_LOCK_WAIT_MS, SQLITE_READERS), validated. */
export const readSqliteSettings = (env: RawEnv): SqliteSettings => ({
  lockWaitMs: integer('DB_LOCK_WAIT_MS', env.DB_LOCK_WAIT_MS, 5_000, 0, 120_000),
  readers: integer('SQLITE_READERS', env.SQLITE_READERS, 4, 1, 64),
})
