import type { PayloadRequest } from 'payload'

import { ARTICLES_SLUG, AUDIT_EVENTS_SLUG } from '@collections/slugs'
import type { AuditEvent } from '@/payload-types'
import { staffUser } from '@/access/roles'

type StaffIdentity = { id: number | string; name?: string | null; email?: string | null }

export interface AuditEntry {
  action: AuditEvent['action']
  /** The article's id; null once it is deleted (articleRef keeps it). */
  article: number | string | null
  articleRef?: string | null
  articleTitle?: string | null
  fromState?: AuditEvent['fromState']
  toState?: AuditEvent['toState']
  note?: string | null
  override?: string | null
  summary: string
  /** Record the newest version of the article (false for deletions). */
  withVersion?: boolean
  /** The scheduler acts as the system; everyone else is req.user. */
  system?: boolean
  at?: Date
}

/**
 * Writes one audit-events row in the request's transaction (pass the same req as the change it
 * records, so a failed audit write rolls the change back).
 */
export const writeAuditEvent = async (req: PayloadRequest, entry: AuditEntry): Promise<void> => {
  const { payload } = req
  let versionId: string | null = null
  if (entry.withVersion !== false && entry.article !== null) {
    const versions = await payload.findVersions({
      collection: ARTICLES_SLUG,
      where: { parent: { equals: entry.article } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      req,
      overrideAccess: true,
    })
    versionId = versions.docs[0] ? String(versions.docs[0].id) : null
  }
  const user = staffUser(req) as StaffIdentity | null
  await payload.create({
    collection: AUDIT_EVENTS_SLUG,
    data: {
      at: (entry.at ?? new Date()).toISOString(),
      actor: entry.system ? null : ((user?.id as number | undefined) ?? null),
      actorLabel: entry.system ? 'scheduler' : (user?.name ?? user?.email ?? 'unknown'),
      action: entry.action,
      article: entry.article as number | null,
      articleRef: entry.articleRef ?? (entry.article === null ? null : String(entry.article)),
      articleTitle: entry.articleTitle ?? null,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      note: entry.note || null,
      versionId,
      override: entry.override ?? null,
      summary: entry.summary,
    },
    req,
    overrideAccess: true,
  })
}
