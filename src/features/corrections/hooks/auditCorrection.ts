import type { CollectionAfterChangeHook } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import type { Article } from '@/payload-types'
import { writeAuditEvent } from '@/features/audit/record'
import { onLiveArticleChanged } from '@/features/workflow/liveArticle'
import { idOf } from '@/lib/ids'

/**
 * In the correction's transaction: an audit row (`correct`, with the text as its note) and the
 * live-article hook point (webhooks' `article.updated`).
 */
export const auditCorrection: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const articleId = idOf(doc.article)
  if (articleId === null) return doc
  const article = (await req.payload.findByID({
    collection: ARTICLES_SLUG,
    id: articleId,
    depth: 0,
    draft: false,
    overrideAccess: true,
    req,
  })) as Article
  await writeAuditEvent(req, {
    action: 'correct',
    article: article.id,
    articleTitle: article.title ?? null,
    fromState: article.workflowStatus,
    toState: article.workflowStatus,
    note: `${doc.kind}: ${doc.text}`,
    summary: `correct: ${doc.kind} dated ${doc.date}`,
  })
  await onLiveArticleChanged(req, article, { reason: 'correction' })
  return doc
}
