import { commitTransaction, initTransaction, killTransaction } from 'payload'
import type { Payload, PayloadRequest } from 'payload'

import { ARTICLES_SLUG, AUTHORS_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import { articleUrl } from '@/features/content/render'
import { BadRequestError } from '@/limits/readCaps'
import type { Article } from '@/payload-types'
import { engineFor } from './engine'
import type { SearchDocument, SearchResults } from './engine'
import { parseSearchParams, SearchInputError, toHighlightHtml } from './query'

type ArticleLike = Pick<Article, 'id' | 'title'> &
  Partial<
    Pick<Article, 'slug' | 'url' | 'summary' | 'bodyText' | 'authors' | 'language' | 'publishedAt'>
  >

const idOf = (value: unknown): string | number | null => {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value)
    return (value as { id: string | number }).id
  return null
}

/** The index entry of a live article (its author names read in the same transaction). */
export const searchDocumentOf = async (
  req: PayloadRequest,
  article: ArticleLike,
): Promise<SearchDocument> => {
  const authorIds = (article.authors ?? []).map(idOf).filter((id) => id !== null)
  let authors = ''
  if (authorIds.length) {
    const { docs } = await req.payload.find({
      collection: AUTHORS_SLUG,
      where: { id: { in: authorIds } },
      depth: 0,
      limit: authorIds.length,
      pagination: false,
      overrideAccess: true,
      select: { name: true },
      req,
    })
    authors = docs.map((a) => a.name).join(' ')
  }
  return {
    id: article.id,
    slug: article.slug ?? null,
    url: article.url ?? articleUrl(article.slug),
    title: article.title ?? '',
    summary: article.summary ?? '',
    bodyText: article.bodyText ?? '',
    authors,
    language: article.language ?? null,
    publishedAt: article.publishedAt ?? null,
  }
}

/** GET /api/search and the GraphQL searchArticles query: published articles only, for everyone. */
export const searchArticles = async (
  req: PayloadRequest,
  raw: { q?: unknown; page?: unknown; limit?: unknown; language?: unknown },
): Promise<SearchResults> => {
  let params
  try {
    params = parseSearchParams(raw, env.limits().apiMaxLimit)
  } catch (err) {
    if (err instanceof SearchInputError) throw new BadRequestError(err.message)
    throw err
  }
  const engine = await engineFor(req.payload)
  const { hits, totalDocs } = await engine.search(req, params)
  const totalPages = Math.ceil(totalDocs / params.limit)
  return {
    docs: hits.map(({ titleMarked, snippetMarked, ...hit }) => ({
      ...hit,
      titleHighlighted: toHighlightHtml(titleMarked),
      snippet: toHighlightHtml(snippetMarked),
    })),
    totalDocs,
    page: params.page,
    limit: params.limit,
    totalPages,
    hasNextPage: params.page < totalPages,
    hasPrevPage: params.page > 1,
  }
}

const REINDEX_BATCH = 200

/**
 * Rebuilds the index from the live articles: batches of upserts (each batch one transaction, so
 * searches and saves go on meanwhile and never see a gap), then entries of articles that are no
 * longer live are removed. Returns the number of articles indexed.
 */
export const reindexArticles = async (
  payload: Payload,
  onProgress?: (done: number) => void,
): Promise<{ indexed: number; removed: number }> => {
  const engine = await engineFor(payload)
  await engine.ensure(payload)
  const live = new Set<string>()
  let page = 1
  for (;;) {
    const req = { payload, context: {} } as PayloadRequest
    const shouldCommit = await initTransaction(req)
    try {
      const { docs, hasNextPage } = await payload.find({
        collection: ARTICLES_SLUG,
        where: { _status: { equals: 'published' } },
        depth: 0,
        limit: REINDEX_BATCH,
        page,
        sort: 'id',
        overrideAccess: true,
        req,
      })
      for (const doc of docs) {
        await engine.upsert(req, await searchDocumentOf(req, doc))
        live.add(String(doc.id))
      }
      if (shouldCommit) await commitTransaction(req)
      onProgress?.(live.size)
      if (!hasNextPage) break
      page += 1
    } catch (err) {
      if (shouldCommit) await killTransaction(req)
      throw err
    }
  }
  const removed = await removeStale(payload, live)
  return { indexed: live.size, removed }
}

/** Index entries whose article is not live (or gone). */
const removeStale = async (payload: Payload, live: Set<string>): Promise<number> => {
  const engine = await engineFor(payload)
  const req = { payload, context: {} } as PayloadRequest
  const shouldCommit = await initTransaction(req)
  try {
    let removed = 0
    const total = await engine.count(req)
    if (total > live.size) {
      for (const id of await engine.ids(req)) {
        if (live.has(String(id))) continue
        // still unpublished now? (an article published during the reindex was indexed by its hook)
        const current = await payload.db.findOne<{ id: string | number; _status?: string }>({
          collection: ARTICLES_SLUG,
          where: { id: { equals: id } },
          req,
        })
        if (current?._status === 'published') continue
        await engine.remove(req, id)
        removed += 1
      }
    }
    if (shouldCommit) await commitTransaction(req)
    return removed
  } catch (err) {
    if (shouldCommit) await killTransaction(req)
    throw err
  }
}
