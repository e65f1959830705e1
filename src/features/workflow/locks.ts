import type { PayloadRequest } from 'payload'

import { ARTICLES_SLUG, EDITORS_SLUG } from '@collections/slugs'
import { staffUser } from '@/access/roles'
import { WorkflowError } from '@/features/workflow/errors'

export const WORKFLOW_LOCKED_RULE = 'workflow.locked'

/** Payload's default lock duration (the admin renews a lock while its holder edits). */
const LOCK_DURATION_MS = 300 * 1000

/**
 * The workflow respects document locks: while someone else holds a live lock on the article
 * (they have it open in the admin), a transition is refused with 409 naming the holder
 * (rule workflow.locked). The holder's own transitions and system runs (scheduled publishing)
 * go ahead; an admin can clear the lock (DELETE /api/payload-locked-documents/:id).
 */
export const assertNotLockedByOther = async (
  req: PayloadRequest,
  articleId: string | number,
): Promise<void> => {
  // A malformed id is refused by the workflow service itself (400/404); don't query with it.
  if (req.payload.db.defaultIDType === 'number' && !/^\d+$/.test(String(articleId))) return
  const user = staffUser(req)
  const { docs } = await req.payload.db.find({
    collection: 'payload-locked-documents',
    where: {
      and: [
        { 'document.relationTo': { equals: ARTICLES_SLUG } },
        { 'document.value': { equals: articleId } },
        { updatedAt: { greater_than: new Date(Date.now() - LOCK_DURATION_MS).toISOString() } },
      ],
    },
    limit: 1,
    pagination: false,
    sort: '-updatedAt',
    req,
  })
  const lock = docs[0] as { user?: { value?: unknown } } | undefined
  if (!lock) return
  const holderId = lock.user?.value
  const holder =
    typeof holderId === 'object' && holderId ? (holderId as { id: unknown }).id : holderId
  if (holder === undefined || holder === null || (user && String(holder) === String(user.id)))
    return
  const account = (await req.payload.findByID({
    collection: EDITORS_SLUG,
    id: holder as number,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as { name?: string; email?: string } | null
  const name = account?.name ?? account?.email ?? `account ${String(holder)}`
  throw new WorkflowError(
    409,
    WORKFLOW_LOCKED_RULE,
    `Rule ${WORKFLOW_LOCKED_RULE}: ${name} is editing this article; wait until they close it or ask an admin to clear the lock.`,
  )
}
