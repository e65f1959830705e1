import type { Payload, PayloadRequest } from 'payload'

import { derivedAuthorFields } from '@collections/Authors/hooks/normalizeName'
import { AUDIT_EVENTS_SLUG, AUTHORS_SLUG, MEDIA_SLUG } from '@collections/slugs'

/**
 * Adapter-level writes for the two simple rows the importer makes for every document: a
 * caption-only media entry and an audit event. Neither collection has hooks or defaults that
 * apply to these rows (no file, no virtual data stored), so going through Payload's database
 * adapter (inside the same transaction) stores exactly what the Local API would; the
 * integration test "importer fast writes" proves it by comparing both.
 */
export interface MediaRow {
  caption: string
  credit: string | null
  alt: string | null
}

export const createCaptionMedia = async (
  payload: Payload,
  req: PayloadRequest,
  data: MediaRow,
): Promise<string | number> => {
  const now = new Date().toISOString()
  const doc = (await payload.db.create({
    collection: MEDIA_SLUG,
    data: { ...data, createdAt: now, updatedAt: now },
    req,
  })) as { id: string | number }
  return doc.id
}

export interface AuditRow {
  at: string
  actorLabel: string
  action: string
  article: string | number
  fromState?: string | null
  toState?: string | null
  note?: string | null
  summary?: string | null
}

export const createAuditEvent = async (
  payload: Payload,
  req: PayloadRequest,
  data: AuditRow,
): Promise<void> => {
  const now = new Date().toISOString()
  await payload.db.create({
    collection: AUDIT_EVENTS_SLUG,
    data: { ...data, createdAt: now, updatedAt: now },
    req,
    returning: false,
  })
}

export interface AuthorRow {
  name: string
  /** reserved unique by the importer (firstFreeSlug, the order uniqueSlugFrom uses) */
  slug: string
  outlet: string | null
}

/**
 * A byline author found in an imported document. The Authors collection's hooks fill `slug` (unique)
 * and `normalizedName`; here `normalizedName` comes from the hook's own function
 * (derivedAuthorFields) and the slug from the same candidate order (firstFreeSlug), kept unique
 * against everything already stored. test/unit/fastWritesConfig.test.ts fails when one of these
 * collections gains a hook or a required field this path does not reproduce.
 */
export const createAuthorRow = async (
  payload: Payload,
  req: PayloadRequest,
  data: AuthorRow,
): Promise<string | number> => {
  const now = new Date().toISOString()
  const doc = (await payload.db.create({
    collection: AUTHORS_SLUG,
    data: { ...data, ...derivedAuthorFields(data.name), createdAt: now, updatedAt: now },
    req,
  })) as { id: string | number }
  return doc.id
}
