/** The events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.scheduled',
  'article.deleted',
] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export const isWebhookEvent = (value: unknown): value is WebhookEvent =>
  typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value)

export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** The jobs queue deliveries run on (polled every WEBHOOKS_POLL_SECONDS). */
export const WEBHOOKS_QUEUE = 'webhooks'
export const DELIVER_TASK = 'deliverWebhook'

/**
 * What a delivery says about the article: only what the public can already see.
 * - published / updated: the live article (id, slug, title, url, publishedAt);
 * - unpublished / deleted: id, and the slug and url it had while it was live;
 * - scheduled: id and the time it will go live (nothing of the not-yet-public text).
 */
export type WebhookArticle =
  | {
      id: string | number
      slug: string | null
      title: string | null
      url: string | null
      publishedAt: string | null
    }
  | { id: string | number; slug: string | null; url: string | null }
  | { id: string | number; publishAt: string | null }

export interface WebhookBody {
  event: WebhookEvent
  occurredAt: string
  article: WebhookArticle
}
