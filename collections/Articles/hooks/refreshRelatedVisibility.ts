import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
} from 'payload'

import { mergeRelations, refreshRelations, relationsOf } from '@/visibility/refresh'
import type { ArticleRelations } from '@/visibility/refresh'
import { ARTICLES_SLUG } from '@collections/slugs'
import { CONTEXT } from '@/lib/requestContext'

type Before = { published: boolean; relations: ArticleRelations }

/**
 * Remembers what the live (main-table) row of the article pointed at and whether it was
 * published, before the change: `originalDoc` may be a newer draft, not what readers see.
 */
export const rememberLiveRelations: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc?.id) return data
  const row = (await req.payload.db.findOne({
    collection: ARTICLES_SLUG,
    where: { id: { equals: originalDoc.id } },
    req,
  })) as Record<string, unknown> | null
  const store = ((req.context[CONTEXT.visibilityBefore] as Record<string, Before> | undefined) ??=
    {})
  store[String(originalDoc.id)] = {
    published: row?._status === 'published',
    relations: relationsOf(row),
  }
  return data
}

/**
 * After a save that publishes, unpublishes or changes a live article (REST, GraphQL, admin,
 * workflow service, scheduled job, importer), recompute the public flag of every media and
 * author it pointed at before and after. Draft-only changes of never-published articles cost
 * nothing.
 */
export const refreshAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const store = req.context[CONTEXT.visibilityBefore] as Record<string, Before> | undefined
  const before = store?.[String(doc.id)]
  if (store) delete store[String(doc.id)]
  const publishedNow = (doc as { _status?: string })._status === 'published'
  if (!publishedNow && !before?.published) return doc
  await refreshRelations(
    req,
    mergeRelations(
      relationsOf(doc),
      relationsOf(previousDoc),
      before?.relations ?? relationsOf(null),
    ),
  )
  return doc
}

/** A deleted article no longer makes anything public. */
export const refreshAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await refreshRelations(req, relationsOf(doc))
}
