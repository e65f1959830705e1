import type { Payload } from 'payload'

import { GENERATION_TABLE, postgresGenerationSql, sqliteGenerationSql } from './generation'

type Db = {
  name: string
  client?: { execute: (q: string) => Promise<unknown> }
  pool?: { query: (q: string) => Promise<unknown> }
}

/**
 * The generation table and triggers come from the `fast_public_reads` migration. A development
 * database whose schema is pushed (not migrated) may lack them: they are created here, once, so
 * the response cache is never stale there either. MongoDB needs nothing (an in-process counter).
 */
export const ensureGenerationSchema = async (payload: Payload, dev: boolean): Promise<void> => {
  const db = payload.db as unknown as Db
  const run =
    db.name === 'sqlite' && db.client
      ? (q: string) => db.client!.execute(q)
      : db.name === 'postgres' && db.pool
        ? (q: string) => db.pool!.query(q)
        : null
  if (!run) return
  try {
    await run(`SELECT generation FROM ${GENERATION_TABLE} WHERE id = 1`)
    return
  } catch {
    // missing: created below
  }
  if (!dev) {
    payload.logger.warn(
      `${GENERATION_TABLE} is missing (migrations not applied?): creating it; the public response cache depends on it`,
    )
  }
  for (const statement of db.name === 'sqlite' ? sqliteGenerationSql() : postgresGenerationSql()) {
    await run(statement)
  }
}
