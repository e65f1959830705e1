import type { Payload } from 'payload'

type SqlAdapter = {
  name: string
  client?: {
    execute: (q: string) => Promise<unknown>
    probe?: (timeoutMs: number) => Promise<void>
  }
}
type PgClient = {
  query: (q: string) => Promise<{ rows: Record<string, unknown>[] }>
  release: (err?: boolean) => void
}
type PgPool = { connect: () => Promise<PgClient> }
type PgAdapter = { name: string; pool?: PgPool }

/**
 * A write probe that changes nothing: in a transaction that is always rolled back, the server must
 * accept writes (not a read-only replica) and the schema's table must take a write lock in time.
 */
const probePostgres = async (pool: PgPool, timeoutMs: number): Promise<void> => {
  const client = await pool.connect()
  let broken = false
  try {
    await client.query('BEGIN')
    await client.query(`SET LOCAL statement_timeout = ${timeoutMs}`)
    await client.query(`SET LOCAL lock_timeout = ${timeoutMs}`)
    const { rows } = await client.query('SELECT pg_is_in_recovery() AS replica')
    if (rows[0]?.replica) throw new Error('the database is a read-only replica')
    await client.query('LOCK TABLE payload_migrations IN ROW EXCLUSIVE MODE')
  } catch (err) {
    broken = !(err instanceof Error && /replica/.test(err.message))
    throw err
  } finally {
    await client.query('ROLLBACK').catch(() => (broken = true))
    client.release(broken)
  }
}
type MongoAdapter = {
  name: string
  connection?: { db?: { admin: () => { ping: () => Promise<unknown> } } }
}

/** Asks the database a trivial question; throws when it does not answer within `timeoutMs`. */
export const checkDatabase = async (payload: Payload, timeoutMs = 2_000): Promise<void> => {
  const db = payload.db as unknown as SqlAdapter & PgAdapter & MongoAdapter
  const ask = async (): Promise<void> => {
    if (db.name === 'sqlite' && db.client?.probe) {
      // the file is the one opened, the schema exists, and a write lock can be taken
      await db.client.probe(Math.min(1_000, Math.max(100, timeoutMs - 500)))
    } else if (db.name === 'sqlite' && db.client) {
      await db.client.execute('select 1')
    } else if (db.name === 'postgres' && db.pool) {
      await probePostgres(db.pool, Math.max(100, timeoutMs - 300))
    } else if (db.name === 'mongoose' && db.connection?.db) {
      await db.connection.db.admin().ping()
    } else {
      throw new Error(`no readiness probe for database adapter "${db.name}"`)
    }
  }
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      ask(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`database did not answer in ${timeoutMs} ms`)),
          timeoutMs,
        )
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
