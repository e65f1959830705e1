import type { Payload } from 'payload'

import { API_CLIENTS_SLUG } from '@collections/slugs'
import { runInDbScope } from '@/db/sqlite/scope'
import type { StoredClient } from './lookup'

/** lastUsedAt is written at most once per this interval per client. */
export const LAST_USED_INTERVAL_MS = 60_000

const touched = new Map<string, number>()

/**
 * Records that a client was used: at most once a minute per client (the stored value and an
 * in-process note both say so), after the response's own work (setImmediate, its own unit of
 * work, never in the caller's transaction), and a failure is only logged.
 */
export const touchLastUsed = (payload: Payload, client: StoredClient, now = Date.now()): void => {
  const stored = client.lastUsedAt ? Date.parse(client.lastUsedAt) || 0 : 0
  if (now - stored < LAST_USED_INTERVAL_MS) return
  // one write per stored value: concurrent requests that all read the same old value write once
  // (the key names the client by id and creation time: SQLite may give a deleted client's id to a new one)
  const key = `${client.id}|${client.createdAt ?? ''}|${client.lastUsedAt ?? ''}`
  const pending = touched.get(key)
  if (pending !== undefined && now - pending < LAST_USED_INTERVAL_MS) return
  if (touched.size > 10_000) touched.clear()
  touched.set(key, now)
  setImmediate(() => {
    void runInDbScope('api-clients.lastUsedAt', () =>
      payload.update({
        collection: API_CLIENTS_SLUG,
        id: client.id,
        data: { lastUsedAt: new Date(now).toISOString() },
        depth: 0,
        overrideAccess: true,
      }),
    ).catch((err: unknown) =>
      payload.logger.warn(
        { clientId: client.id, error: (err as Error)?.message },
        'could not record when an API client was last used',
      ),
    )
  })
}
