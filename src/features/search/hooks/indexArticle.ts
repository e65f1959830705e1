import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { engineFor } from '@/features/search/engine'
import { searchDocumentOf } from '@/features/search/service'

/**
 * Keeps the search index in step with what readers can see, in the saving request's transaction
 * (a failed index write rolls the save back):
 * - a save that leaves the article live (publish, publish changes, a scheduled publish) indexes
 *   the saved, published version;
 * - a draft save over a live article changes nothing (the index keeps the published text: draft
 *   saves never touch the main row, which stays published);
 * - any other save (unpublish, a draft of an unpublished article) removes the entry.
 */
export const indexArticle: CollectionAfterChangeHook = async ({ doc, req }) => {
  const engine = await engineFor(req.payload)
  if (doc._status === 'published') {
    await engine.upsert(req, await searchDocumentOf(req, doc))
    return doc
  }
  const live = await req.payload.db.findOne<{ id: string | number; _status?: string }>({
    collection: ARTICLES_SLUG,
    where: { id: { equals: doc.id } },
    req,
  })
  if (live?._status !== 'published') await engine.remove(req, doc.id)
  return doc
}

/** A deleted article leaves the index in the same transaction. */
export const unindexArticle: CollectionAfterDeleteHook = async ({ id, req }) => {
  const engine = await engineFor(req.payload)
  await engine.remove(req, id)
}
