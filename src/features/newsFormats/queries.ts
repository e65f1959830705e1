import type { PayloadRequest, Where } from 'payload'

import { ARTICLES_SLUG, AUTHORS_SLUG } from '@collections/slugs'
import type { Article, ArticlesSelect } from '@/payload-types'

/**
 * The reads behind the feeds and sitemaps. They show what anonymous readers see whoever asks:
 * published articles only, the live version (never a newer draft), public fields only (the
 * views pick them), so a signed-in editor's feed is the public feed.
 */

export const PUBLISHED: Where = { _status: { equals: 'published' } }

/** Whether the articles collection has a stored field (the content feature's `url`, `bodyHtml`). */
const hasArticleField = (req: PayloadRequest, name: string): boolean =>
  req.payload.collections[ARTICLES_SLUG].config.flattenedFields.some(
    (field) => 'name' in field && field.name === name,
  )

/**
 * What an article read for feeds and ninjs leaves out: the importer's `source` group, and the
 * Lexical `body` when the stored rendering (`bodyHtml`) is there (its read hooks are the costly
 * part of reading an article).
 */
export const articleReadSelect = (req: PayloadRequest): ArticlesSelect<false> =>
  (hasArticleField(req, 'bodyHtml')
    ? { body: false, source: false }
    : { source: false }) as ArticlesSelect<false>

/** The id of the author with this slug, or null. */
export const authorIdBySlug = async (
  req: PayloadRequest,
  slug: string,
): Promise<number | string | null> => {
  const { docs } = await req.payload.find({
    collection: AUTHORS_SLUG,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    pagination: false,
    select: { slug: true },
    overrideAccess: true,
    req,
  })
  return docs[0]?.id ?? null
}

/** The newest published articles (authors and media populated), optionally by author or tag. */
export const latestPublished = async (
  req: PayloadRequest,
  filter: { authorId?: number | string; tag?: string },
  limit: number,
): Promise<Article[]> => {
  const and: Where[] = [PUBLISHED]
  if (filter.authorId !== undefined) and.push({ authors: { in: [filter.authorId] } })
  if (filter.tag !== undefined) and.push({ tags: { in: [filter.tag] } })
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { and },
    sort: ['-publishedAt', '-id'],
    limit,
    depth: 1,
    select: articleReadSelect(req),
    draft: false,
    overrideAccess: true,
    req,
  })
  return docs
}

export type SitemapArticle = Pick<
  Article,
  'id' | 'slug' | 'title' | 'language' | 'publishedAt' | 'updatedAt'
> & { url?: unknown }

const sitemapSelect = (req: PayloadRequest): ArticlesSelect<true> =>
  ({
    slug: true,
    title: true,
    language: true,
    publishedAt: true,
    updatedAt: true,
    ...(hasArticleField(req, 'url') ? { url: true } : {}),
  }) as ArticlesSelect<true>

export const countPublished = async (req: PayloadRequest): Promise<number> =>
  (
    await req.payload.count({
      collection: ARTICLES_SLUG,
      where: PUBLISHED,
      overrideAccess: true,
      req,
    })
  ).totalDocs

/** One page of all published articles, oldest id first (pages stay stable as articles are added). */
export const publishedPage = async (
  req: PayloadRequest,
  page: number,
  pageSize: number,
): Promise<SitemapArticle[]> => {
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: PUBLISHED,
    sort: 'id',
    limit: pageSize,
    page,
    depth: 0,
    draft: false,
    select: sitemapSelect(req),
    overrideAccess: true,
    req,
  })
  return docs as SitemapArticle[]
}

/** Published articles first published since `since` (Google News: the last two days, at most 1,000). */
export const publishedSince = async (
  req: PayloadRequest,
  since: Date,
): Promise<SitemapArticle[]> => {
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { and: [PUBLISHED, { publishedAt: { greater_than_equal: since.toISOString() } }] },
    sort: ['-publishedAt', '-id'],
    limit: 1000,
    depth: 0,
    draft: false,
    select: sitemapSelect(req),
    overrideAccess: true,
    req,
  })
  return docs as SitemapArticle[]
}
