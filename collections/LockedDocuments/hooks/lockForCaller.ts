import { APIError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { staffUser } from '@/access/roles'

export const LOCK_RULE = 'locks.own-only'

type Ref = { relationTo?: string; value?: unknown } | null | undefined

const refId = (ref: Ref): string | null => {
  const value = ref?.value
  if (value && typeof value === 'object' && 'id' in value)
    return String((value as { id: unknown }).id)
  return value === undefined || value === null ? null : String(value)
}

const refuse = (message: string) =>
  new APIError(`Rule ${LOCK_RULE}: ${message}`, 403, { rule: LOCK_RULE }, true)

/** Whether the caller's update access on the collection allows this document. */
const mayEdit = async (req: PayloadRequest, slug: string, id: string): Promise<boolean> => {
  const collection = req.payload.collections[slug as CollectionSlug]
  const access = collection?.config.access?.update
  if (!collection || !access) return false
  const result = await access({ req, id: id as unknown as number })
  if (result === true) return true
  if (!result) return false
  const { totalDocs } = await req.payload.count({
    collection: slug as CollectionSlug,
    where: { and: [{ id: { equals: id } }, result as Where] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * Document locks through the API (the admin's "take over" PATCH): the lock may only name the
 * caller, may not be moved to another document, and only someone who may edit the locked
 * document can take it. Locks are created by the server itself (the admin's form-state handler
 * writes them for the signed-in user, bypassing access); REST/GraphQL create is closed.
 */
export const lockForCaller: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const user = staffUser(req)
  if (!user) return data
  if (operation === 'create') throw refuse('document locks are created by the server only.')
  const named = refId(data.user as Ref)
  if (
    named !== null &&
    (named !== String(user.id) || (data.user as Ref)?.relationTo !== 'editors')
  ) {
    throw refuse('a document lock can only name the signed-in user.')
  }
  const before = originalDoc as { document?: Ref; globalSlug?: string | null } | undefined
  if (
    (data.document !== undefined &&
      (refId(data.document as Ref) !== refId(before?.document) ||
        (data.document as Ref)?.relationTo !== before?.document?.relationTo)) ||
    (data.globalSlug !== undefined && (data.globalSlug ?? null) !== (before?.globalSlug ?? null))
  ) {
    throw refuse('a document lock cannot be moved to another document.')
  }
  const doc = before?.document
  const docId = refId(doc)
  if (doc?.relationTo && docId && !(await mayEdit(req, doc.relationTo, docId))) {
    throw refuse('only someone who may edit the document can take over its lock.')
  }
  return { ...data, user: { relationTo: 'editors', value: user.id } }
}
