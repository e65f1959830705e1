import type { Config, Plugin } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import { extendCollection } from '@/features/shared/extend'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { Webhooks } from './collections/Webhooks'
import { WEBHOOKS_QUEUE } from './events'
import { queueArticleWebhooks, queueDeletedWebhooks } from './hooks/articleEvents'
import { deliverWebhookTask } from './task'

export { queueArticleEvent } from './enqueue'
export { WEBHOOK_EVENTS } from './events'
export type { WebhookEvent, WebhookBody } from './events'
export { signPayload } from './sign'

/**
 * Signed webhooks as one Payload plugin: the `webhooks` and `webhook-deliveries` collections,
 * the article hooks that queue deliveries in the change's transaction, the `deliverWebhook` task
 * (on its own queue, polled every WEBHOOKS_POLL_SECONDS), and the redeliver endpoint and button.
 * Other features call queueArticleEvent for article changes that do not save the live article.
 */
export const webhooksPlugin: Plugin = (config: Config): Config => {
  const settings = env.webhooks()
  const withArticles = extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    hooks: {
      ...articles.hooks,
      afterChange: [...(articles.hooks?.afterChange ?? []), queueArticleWebhooks],
      beforeDelete: [...(articles.hooks?.beforeDelete ?? []), queueDeletedWebhooks],
    },
  }))
  const autoRun = withArticles.jobs?.autoRun
  const poll = { cron: `*/${settings.pollSeconds} * * * * *`, queue: WEBHOOKS_QUEUE, limit: 20 }
  return {
    ...withArticles,
    collections: [...(withArticles.collections ?? []), Webhooks, WebhookDeliveries],
    jobs: {
      ...withArticles.jobs,
      tasks: [...(withArticles.jobs?.tasks ?? []), deliverWebhookTask],
      autoRun:
        typeof autoRun === 'function'
          ? async (payload) => [...(await autoRun(payload)), poll]
          : [...(autoRun ?? []), poll],
    },
  }
}
