import type { Payload } from 'payload'

type PgClient = { release?: (err?: Error | boolean) => void }
type PgPool = {
  end: () => Promise<void>
  ended?: boolean
  _clients?: PgClient[]
  _idle?: { client: PgClient }[]
}
type Closable = { pool?: PgPool; client?: { close: () => void; closed?: boolean } }

const CLOSE_TIMEOUT_MS = 5_000

const withTimeout = async (work: Promise<void>, what: string): Promise<void> => {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    work,
    new Promise<void>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what} did not close in ${CLOSE_TIMEOUT_MS} ms`)),
        CLOSE_TIMEOUT_MS,
      )
      timer.unref()
    }),
  ]).finally(() => clearTimeout(timer))
}

/**
 * Payload's destroy() resets its SQL adapters but leaves their connections open (the Postgres
 * pool, the SQLite client); MongoDB's closes its connection. This closes what is left, so a
 * shutdown really releases the database. The Postgres adapter keeps one client checked out for
 * its reconnect watch; it is handed back first, or `pool.end()` would wait for it forever.
 */
export const closePayload = async (payload: Payload): Promise<void> => {
  const db = payload.db as unknown as Closable
  const { pool, client } = db
  await payload.destroy()
  if (pool && !pool.ended) {
    const idle = new Set((pool._idle ?? []).map((item) => item.client))
    for (const held of pool._clients ?? []) if (!idle.has(held)) held.release?.()
    await withTimeout(pool.end(), 'the Postgres pool')
  }
  if (client && !client.closed) client.close()
}
