import type { PayloadRequest } from 'payload'

import { MEDIA_SLUG } from '@collections/slugs'
import type { Media } from '@/payload-types'
import type { PhotoFacts } from '@/features/workflow/rules/transitions'
import { idOf } from '@/lib/ids'

/**
 * The featured photo of an article as the rule book sees it (alt text, credit, rights expiry), read
 * in the caller's transaction; null when the article has none (or it was deleted).
 */
export const featuredPhotoFacts = async (
  req: PayloadRequest,
  article: { featuredMedia?: unknown },
): Promise<PhotoFacts | null> => {
  const id = idOf(article.featuredMedia)
  if (id === null) return null
  const media = (await req.payload.findByID({
    collection: MEDIA_SLUG,
    id,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
    select: { alt: true, credit: true, rightsExpireAt: true },
  })) as Pick<Media, 'alt' | 'credit' | 'rightsExpireAt'> | null
  if (!media) return null
  return { alt: media.alt, credit: media.credit, rightsExpireAt: media.rightsExpireAt }
}
