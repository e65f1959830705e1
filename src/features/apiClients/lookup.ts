import type { Payload } from 'payload'

import type { ApiClientUser } from '@/access/roles'
import { API_CLIENTS_SLUG } from '@collections/slugs'
import { keyIndex } from './keys'

export type StoredClient = ApiClientUser & {
  name?: string
  lastUsedAt?: string | null
  createdAt?: string
}

/**
 * The API client a key belongs to, read from the database on every request (nothing is cached:
 * a disabled or deleted client is refused at once). Trusted server code: access control off, no
 * key in the result (Payload's own hooks drop apiKey and apiKeyIndex after reading).
 */
export const findClientByKey = async (
  payload: Payload,
  key: string,
): Promise<StoredClient | null> => {
  const found = await payload.find({
    collection: API_CLIENTS_SLUG,
    where: { apiKeyIndex: { equals: keyIndex(payload.secret, key) } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { name: true, scope: true, enabled: true, lastUsedAt: true, createdAt: true },
  })
  const doc = found.docs[0] as Omit<StoredClient, 'collection'> | undefined
  return doc ? { ...doc, collection: API_CLIENTS_SLUG } : null
}

/** Why a presented key is refused (401), or the client it authenticates. */
export type KeyCheck =
  { ok: true; client: StoredClient } | { ok: false; reason: 'unknown' | 'disabled' }

export const checkKey = async (payload: Payload, key: string): Promise<KeyCheck> => {
  const client = await findClientByKey(payload, key)
  if (!client) return { ok: false, reason: 'unknown' }
  if (client.enabled === false) return { ok: false, reason: 'disabled' }
  return { ok: true, client }
}
