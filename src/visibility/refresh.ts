import type { PayloadRequest, Where } from 'payload'

import { ARTICLES_SLUG, AUTHORS_SLUG, MEDIA_SLUG } from '@collections/slugs'
import { idOf } from '@/lib/ids'

/**
 * Media and authors are public only while a published article uses them (an author can also be
 * made public by an editor). Rather than a join evaluated on every anonymous read, each media and
 * author row carries a maintained, indexed flag `inPublishedArticle`; read access for anonymous
 * readers is a plain `Where` on it (so counts and pagination stay right on every adapter), and
 * this module recomputes the flag from the live (main-table) articles whenever an article's
 * published state or relations change, or an author's public profile or photo change.
 */
export type Id = string | number

const ids = (value: unknown): Id[] =>
  (Array.isArray(value) ? value : [value]).map(idOf).filter((id): id is Id => id !== null)

export interface ArticleRelations {
  media: Id[]
  authors: Id[]
}

/** The media and authors an article (main row or version) points at. */
export const relationsOf = (doc: Record<string, unknown> | null | undefined): ArticleRelations => ({
  media: doc ? [...ids(doc.media), ...ids(doc.featuredMedia)] : [],
  authors: doc ? ids(doc.authors) : [],
})

export const mergeRelations = (...all: ArticleRelations[]): ArticleRelations => ({
  media: [...new Set(all.flatMap((r) => r.media.map(String)))].map((id) =>
    /^\d+$/.test(id) ? Number(id) : id,
  ),
  authors: [...new Set(all.flatMap((r) => r.authors.map(String)))].map((id) =>
    /^\d+$/.test(id) ? Number(id) : id,
  ),
})

const normalise = (req: PayloadRequest, id: Id): Id =>
  req.payload.db.defaultIDType === 'number' ? Number(id) : String(id)

const publishedArticleUsing = async (req: PayloadRequest, where: Where): Promise<boolean> => {
  const { totalDocs } = await req.payload.count({
    collection: ARTICLES_SLUG,
    where: { and: [{ _status: { equals: 'published' } }, where] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

const setFlag = async (
  req: PayloadRequest,
  collection: typeof MEDIA_SLUG | typeof AUTHORS_SLUG,
  id: Id,
  visible: boolean,
): Promise<{ photo?: unknown } | null> => {
  const row = (await req.payload.db.findOne({
    collection,
    where: { id: { equals: id } },
    req,
  })) as { inPublishedArticle?: boolean | null; photo?: unknown } | null
  if (!row) return null
  if (Boolean(row.inPublishedArticle) !== visible) {
    await req.payload.db.updateOne({
      collection,
      id,
      data: { inPublishedArticle: visible },
      req,
      returning: false,
    })
  }
  return row
}

/** Recomputes `inPublishedArticle` for media: used by a published article or the photo of a public author. */
export const refreshMedia = async (req: PayloadRequest, mediaIds: Id[]): Promise<void> => {
  for (const raw of mediaIds) {
    const id = normalise(req, raw)
    let visible = await publishedArticleUsing(req, {
      or: [{ media: { in: [id] } }, { featuredMedia: { equals: id } }],
    })
    if (!visible) {
      const { totalDocs } = await req.payload.count({
        collection: AUTHORS_SLUG,
        where: {
          and: [
            { photo: { equals: id } },
            {
              or: [{ inPublishedArticle: { equals: true } }, { publicProfile: { equals: true } }],
            },
          ],
        },
        overrideAccess: true,
        req,
      })
      visible = totalDocs > 0
    }
    await setFlag(req, MEDIA_SLUG, id, visible)
  }
}

/** Recomputes `inPublishedArticle` for authors (a byline in a published article), then their photos. */
export const refreshAuthors = async (req: PayloadRequest, authorIds: Id[]): Promise<void> => {
  const photos: Id[] = []
  for (const raw of authorIds) {
    const id = normalise(req, raw)
    const visible = await publishedArticleUsing(req, { authors: { in: [id] } })
    const row = await setFlag(req, AUTHORS_SLUG, id, visible)
    photos.push(...ids(row?.photo))
  }
  if (photos.length > 0) await refreshMedia(req, photos)
}

export const refreshRelations = async (
  req: PayloadRequest,
  relations: ArticleRelations,
): Promise<void> => {
  await refreshAuthors(req, relations.authors)
  await refreshMedia(req, relations.media)
}
