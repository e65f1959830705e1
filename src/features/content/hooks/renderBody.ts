import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { MEDIA_SLUG } from '@collections/slugs'
import { articleUrl, renderArticleBody, uploadIdsOf } from '@/features/content/render'
import type { MediaForRender } from '@/features/content/render'

/** The media an article body points at, read in the save's transaction (ids only, capped). */
export const loadBodyMedia = async (
  req: PayloadRequest,
  body: unknown,
): Promise<Map<string, MediaForRender>> => {
  const ids = uploadIdsOf(body).slice(0, 200)
  const media = new Map<string, MediaForRender>()
  if (ids.length === 0) return media
  const { docs } = await req.payload.find({
    collection: MEDIA_SLUG,
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const doc of docs) media.set(String(doc.id), doc as MediaForRender)
  return media
}

/**
 * Stores the rendered body (bodyHtml, bodyText, wordCount, readingMinutes) and the public url on
 * every saved version, drafts included: computed once per save, never per read. Whatever a
 * caller sent for these fields is replaced (their field access also drops it).
 */
export const renderBody: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const body = data.body !== undefined ? data.body : originalDoc?.body
  const slug = (data.slug ?? originalDoc?.slug ?? null) as string | null
  const rendered = renderArticleBody(body, { media: await loadBodyMedia(req, body) })
  return {
    ...data,
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    wordCount: rendered.wordCount,
    readingMinutes: rendered.readingMinutes,
    url: articleUrl(slug),
  }
}
