import type { CollectionBeforeValidateHook, CollectionSlug } from 'payload'

import { slugCandidates, slugify } from '@/lib/slugify'
import { CONTEXT } from '@/lib/requestContext'

/**
 * Fills `slug` from another field when empty and keeps it unique in the collection by appending
 * -2, -3, ... (a clear validation error still guards races through the unique index).
 */
export const uniqueSlugFrom = (
  collection: CollectionSlug,
  sourceField: string,
): CollectionBeforeValidateHook => {
  const hook: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
    if (!data) return data
    const given = typeof data.slug === 'string' ? slugify(data.slug) : ''
    const source = data[sourceField] ?? originalDoc?.[sourceField]
    const base = given || (typeof source === 'string' ? slugify(source) : '')
    if (!base) return data
    if (given && given === originalDoc?.slug) return { ...data, slug: given }
    // The importer reserves unique slugs for a whole batch up front (the unique index still guards).
    if (given && req.context?.[CONTEXT.slugReserved]) return { ...data, slug: given }
    if (!given && originalDoc?.slug) return data
    let candidate = base
    for (candidate of slugCandidates(base)) {
      const { totalDocs } = await req.payload.count({
        collection,
        where: {
          and: [
            { slug: { equals: candidate } },
            ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
          ],
        },
        req,
      })
      if (totalDocs === 0) break
    }
    return { ...data, slug: candidate }
  }
  // named, so the fast-writes config test can list it
  return Object.defineProperty(hook, 'name', { value: 'uniqueSlugFrom' })
}
