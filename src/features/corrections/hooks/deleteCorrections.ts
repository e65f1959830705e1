import type { CollectionBeforeDeleteHook } from 'payload'

import { CORRECTIONS_SLUG } from '@collections/slugs'

/**
 * A deleted article takes its corrections with it (in the delete's transaction): they mean
 * nothing without it, and `corrections.article` is required. The deletion itself is audited.
 */
export const deleteCorrections: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({
    collection: CORRECTIONS_SLUG,
    where: { article: { equals: id } },
    req,
  })
}
