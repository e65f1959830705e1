import type { PayloadRequest } from 'payload'

import { ARTICLES_SLUG, WEBHOOK_DELIVERIES_SLUG, WEBHOOKS_SLUG } from '@collections/slugs'
import type { Article } from '@/payload-types'
import { DELIVER_TASK, WEBHOOKS_QUEUE } from './events'
import type { WebhookArticle, WebhookBody, WebhookEvent } from './events'
import { newDeliveryId } from './sign'
import { articleUrl } from './url'

type Id = string | number

/** The live (published) article, or null when it is not live. */
const liveArticle = async (req: PayloadRequest, id: Id) => {
  const doc = (await req.payload.findByID({
    collection: ARTICLES_SLUG,
    id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: {
      slug: true,
      title: true,
      url: true,
      publishedAt: true,
      _status: true,
      publishAt: true,
    },
  })) as Pick<
    Article,
    'id' | 'slug' | 'title' | 'url' | 'publishedAt' | '_status' | 'publishAt'
  > | null
  return doc
}

/** Slug and URL of the article's newest published version (null: it was never public). */
export const lastPublished = async (
  req: PayloadRequest,
  id: Id,
): Promise<{ id: Id; slug: string | null; url: string | null } | null> => {
  const versions = await req.payload.findVersions({
    collection: ARTICLES_SLUG,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const version = versions.docs[0]?.version as
    { slug?: string | null; url?: string | null } | undefined
  if (!version) return null
  const parent = versions.docs[0].parent as Id | { id: Id }
  return {
    // the stored id (REST passes it as a string)
    id: typeof parent === 'object' ? parent.id : parent,
    slug: version.slug ?? null,
    url: version.url ?? articleUrl(version.slug),
  }
}

/**
 * The article as a delivery describes it, from what is public (see WebhookArticle), or null when
 * there is nothing public to tell (then no delivery is queued).
 */
export const describeArticle = async (
  req: PayloadRequest,
  event: WebhookEvent,
  id: Id,
): Promise<WebhookArticle | null> => {
  if (event === 'article.published' || event === 'article.updated') {
    const live = await liveArticle(req, id)
    if (!live || live._status !== 'published') return null
    return {
      id: live.id,
      slug: live.slug ?? null,
      title: live.title ?? null,
      url: live.url ?? articleUrl(live.slug),
      publishedAt: live.publishedAt ?? null,
    }
  }
  if (event === 'article.scheduled') {
    const doc = await liveArticle(req, id)
    if (!doc) return null
    return { id: doc.id, publishAt: doc.publishAt ?? null }
  }
  return lastPublished(req, id)
}

/**
 * Queues one delivery per enabled webhook subscribed to `event`, in the request's transaction
 * (pass the `req` of the change: a rolled-back change sends nothing). The HTTP requests run
 * later, in the `deliverWebhook` job. Returns the number of deliveries queued.
 */
export const queueDeliveries = async (
  req: PayloadRequest,
  event: WebhookEvent,
  article: WebhookArticle,
  occurredAt: Date = new Date(),
): Promise<number> => {
  const { payload } = req
  const hooks = await payload.find({
    collection: WEBHOOKS_SLUG,
    where: { enabled: { equals: true } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { events: true },
  })
  const subscribed = hooks.docs.filter((hook) =>
    ((hook.events as string[] | null | undefined) ?? []).includes(event),
  )
  const body: WebhookBody = { event, occurredAt: occurredAt.toISOString(), article }
  for (const hook of subscribed) {
    await queueDelivery(req, { webhook: hook.id, event, body })
  }
  return subscribed.length
}

/** Creates one delivery row and its first job (same transaction as `req`). */
export const queueDelivery = async (
  req: PayloadRequest,
  delivery: {
    webhook: Id
    event: WebhookEvent
    body: WebhookBody
    redeliveryOf?: Id
    requestedBy?: Id
  },
) => {
  const { payload } = req
  const doc = await payload.create({
    collection: WEBHOOK_DELIVERIES_SLUG,
    data: {
      webhook: delivery.webhook as number,
      event: delivery.event,
      deliveryId: newDeliveryId(),
      articleRef: String(delivery.body.article.id),
      payload: delivery.body as unknown as Record<string, unknown>,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date().toISOString(),
      redeliveryOf: (delivery.redeliveryOf as number | undefined) ?? null,
      requestedBy: (delivery.requestedBy as number | undefined) ?? null,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await payload.jobs.queue({
    task: DELIVER_TASK,
    queue: WEBHOOKS_QUEUE,
    input: { delivery: String(doc.id) },
    req,
  })
  return doc
}

/**
 * For other features (e.g. corrections): tells subscribed webhooks that `event` happened to the
 * article `articleId`, describing it from its public state. Call it with the `req` of the change,
 * after the change is written, so both commit or roll back together. Article saves made with
 * `draft: false` on a live article already fire `article.updated` from the articles hook; call
 * this only for changes that bypass it.
 */
export const queueArticleEvent = async (
  req: PayloadRequest,
  event: WebhookEvent,
  articleId: Id,
): Promise<number> => {
  const article = await describeArticle(req, event, articleId)
  if (!article) return 0
  return queueDeliveries(req, event, article)
}
