import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, Plugin } from 'payload'

import { ARTICLES_SLUG, AUTHORS_SLUG, CORRECTIONS_SLUG, MEDIA_SLUG } from '@collections/slugs'
import { extendCollection } from '@/features/shared/extend'
import { noteContentChange } from '@/publicCache/generation'
import { publicProjection } from './projection'

/** A save or delete in this process: the response cache re-reads the content generation now. */
const noteChange: CollectionAfterChangeHook = ({ doc }) => {
  noteContentChange()
  return doc
}
const noteDelete: CollectionAfterDeleteHook = ({ doc }) => {
  noteContentChange()
  return doc
}

const PUBLIC_COLLECTIONS: Record<string, string[]> = {
  [ARTICLES_SLUG]: [AUTHORS_SLUG, MEDIA_SLUG],
  [AUTHORS_SLUG]: [MEDIA_SLUG],
  [MEDIA_SLUG]: [],
}

/**
 * Fast public reads (issue #10) as one plugin: on the collections the public reads (articles,
 * authors, media), anonymous reads select only the fields the caller may read (also in depth
 * population), and every save or delete tells the response cache (src/publicCache) to re-check
 * the content generation at once. The generation itself is bumped by database triggers
 * (migration `fast_public_reads`), so writes that bypass these hooks count too.
 */
export const publicReadsPlugin: Plugin = (config: Config): Config =>
  Object.entries(PUBLIC_COLLECTIONS).reduce(
    (current, [slug, related]) =>
      extendCollection(current, slug, (collection) => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [
            ...(collection.hooks?.beforeOperation ?? []),
            publicProjection(related),
          ],
          afterChange: [...(collection.hooks?.afterChange ?? []), noteChange],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), noteDelete],
        },
      })),
    // corrections show on public article responses (a join): a change to one is a content change
    extendCollection(config, CORRECTIONS_SLUG, (collection) => ({
      ...collection,
      hooks: {
        ...collection.hooks,
        afterChange: [...(collection.hooks?.afterChange ?? []), noteChange],
        afterDelete: [...(collection.hooks?.afterDelete ?? []), noteDelete],
      },
    })),
  )
