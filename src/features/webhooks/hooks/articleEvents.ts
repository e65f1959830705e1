import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'

import type { Article } from '@/payload-types'
import { describeArticle, queueDeliveries } from '../enqueue'
import type { WebhookEvent } from '../events'

type State = Pick<Article, 'workflowStatus' | '_status' | 'publishAt'> | null | undefined

/**
 * Which event an article save is, from its review state before and after (the workflow service,
 * the scheduler and the admin's "Publish changes" all save through here):
 * - not published → published and live: article.published;
 * - published → published with a live (not draft) save: article.updated (publish_changes,
 *   corrections, a trusted direct update of the live text);
 * - published → anything else: article.unpublished;
 * - → scheduled (or a new publishAt while scheduled): article.scheduled.
 * Draft saves (the live article untouched) are no event.
 */
export const eventForSave = (before: State, after: State): WebhookEvent | null => {
  const was = before?.workflowStatus
  const is = after?.workflowStatus
  const live = after?._status === 'published'
  if (is === 'published' && live)
    return was === 'published' ? 'article.updated' : 'article.published'
  if (was === 'published' && is !== 'published') return 'article.unpublished'
  if (is === 'scheduled' && (was !== 'scheduled' || before?.publishAt !== after?.publishAt)) {
    return 'article.scheduled'
  }
  return null
}

/**
 * Queues the webhook deliveries of an article save in the save's transaction (a rolled-back
 * transition sends nothing); the requests themselves run later in the jobs queue.
 */
export const queueArticleWebhooks: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update') return doc
  const event = eventForSave(previousDoc as State, doc as State)
  if (!event) return doc
  const article = await describeArticle(req, event, doc.id)
  if (article) await queueDeliveries(req, event, article)
  return doc
}

/** article.deleted for an article that was ever public (its last published slug and url). */
export const queueDeletedWebhooks: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const article = await describeArticle(req, 'article.deleted', id)
  if (article) await queueDeliveries(req, 'article.deleted', article)
}
