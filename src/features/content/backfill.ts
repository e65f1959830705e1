import type { Payload, PayloadRequest, Where } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { articleUrl, renderArticleBody } from '@/features/content/render'
import { loadBodyMedia } from '@/features/content/hooks/renderBody'

const BATCH = 100

const renderedData = async (
  req: PayloadRequest,
  doc: { body?: unknown; slug?: string | null },
): Promise<Record<string, unknown>> => {
  const rendered = renderArticleBody(doc.body, { media: await loadBodyMedia(req, doc.body) })
  return {
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    wordCount: rendered.wordCount,
    readingMinutes: rendered.readingMinutes,
    url: articleUrl(doc.slug),
  }
}

/**
 * Fills the rendered fields of articles and article versions saved before the content feature
 * existed (or written around the hooks): rows whose bodyHtml is missing. Adapter-level writes of
 * only these fields, so nothing else about the row changes (updatedAt included). Idempotent; run at
 * start-up (src/features/content/index.ts onInit). Returns how many rows it filled.
 */
export const backfillRenderedFields = async (
  payload: Payload,
  req?: PayloadRequest,
): Promise<{ articles: number; versions: number }> => {
  const request = req ?? ({ payload, context: {} } as PayloadRequest)
  let articles = 0
  let versions = 0
  for (;;) {
    const { docs } = await payload.db.find({
      collection: ARTICLES_SLUG,
      where: { bodyHtml: { exists: false } },
      limit: BATCH,
      pagination: false,
      req: request,
    })
    if (docs.length === 0) break
    for (const doc of docs as { id: string | number; body?: unknown; slug?: string | null }[]) {
      await payload.db.updateOne({
        collection: ARTICLES_SLUG,
        id: doc.id,
        data: await renderedData(request, doc),
        req: request,
        returning: false,
      })
      articles += 1
    }
    if (docs.length < BATCH) break
  }
  const missing: Where = { 'version.bodyHtml': { exists: false } }
  for (;;) {
    const { docs } = await payload.db.findVersions({
      collection: ARTICLES_SLUG,
      where: missing,
      limit: BATCH,
      pagination: false,
      req: request,
    })
    if (docs.length === 0) break
    for (const doc of docs) {
      const version = doc.version as { body?: unknown; slug?: string | null }
      await payload.db.updateVersion({
        collection: ARTICLES_SLUG,
        id: doc.id,
        versionData: { version: await renderedData(request, version) } as never,
        req: request,
        returning: false,
      })
      versions += 1
    }
    if (docs.length < BATCH) break
  }
  return { articles, versions }
}
