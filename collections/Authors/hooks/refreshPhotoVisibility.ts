import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { refreshMedia, relationsOf } from '@/visibility/refresh'

const photoIds = (doc: Record<string, unknown> | null | undefined) =>
  relationsOf(doc ? { media: doc.photo } : null).media

/** An author's photo follows the author: public while the author is (byline or public profile). */
export const refreshPhotoAfterChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
}) => {
  const ids = [...photoIds(doc), ...photoIds(previousDoc)]
  if (ids.length > 0) await refreshMedia(req, ids)
  return doc
}

export const refreshPhotoAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const ids = photoIds(doc)
  if (ids.length > 0) await refreshMedia(req, ids)
}
