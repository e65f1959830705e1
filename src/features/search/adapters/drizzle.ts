import type { PayloadRequest } from 'payload'

/** What the search adapters use of Payload's drizzle-based adapters (SQLite and Postgres). */
export interface DrizzleRunner {
  run?: (query: unknown) => Promise<unknown>
  all?: (query: unknown) => Promise<unknown[]>
  execute?: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }>
}

interface DrizzleAdapter {
  drizzle: DrizzleRunner
  sessions?: Record<string | number, { db: DrizzleRunner } | undefined>
}

/**
 * The request's open transaction (Payload keeps it in `adapter.sessions[req.transactionID]`, the
 * way its own adapter calls find it), or the adapter's connection outside one.
 */
export const drizzleFor = async (req: PayloadRequest): Promise<DrizzleRunner> => {
  const adapter = req.payload.db as unknown as DrizzleAdapter
  const id = req.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle
}
