import type { Payload } from 'payload'

type SqlAdapter = { name: string; client?: { execute: (q: string) => Promise<unknown> } }
type PgAdapter = { name: string; pool?: { query: (q: string) => Promise<unknown> } }
type MongoAdapter = {
  name: string
  connection?: { db?: { admin: () => { ping: () => Promise<unknown> } } }
}

/** Asks the database a trivial question; throws when it does not answer within `timeoutMs`. */
export const checkDatabase = async (payload: Payload, timeoutMs = 2_000): Promise<void> => {
  const db = payload.db as unknown as SqlAdapter & PgAdapter & MongoAdapter
  const ask = async (): Promise<void> => {
    if (db.name === 'sqlite' && db.client) {
      await db.client.execute('select 1')
    } else if (db.name === 'postgres' && db.pool) {
      await db.pool.query('select 1')
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
