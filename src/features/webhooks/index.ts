import type { Config, Plugin } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import { extendCollection } from '@/features/shared/extend'
import { addLiveArticleListener } from '@/features/workflow/liveArticle'
import type { LiveArticleListener } from '@/features/workflow/liveArticle'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { Webhooks } from './collections/Webhooks'
import { WEBHOOKS_QUEUE } from './events'
import { queueArticleWebhooks, queueDeletedWebhooks } from './hooks/articleEvents'
import { deliverWebhookTask } from './task'
import { queueArticleEvent } from './enqueue'

export { queueArticleEvent } from './enqueue'

/**
 * A correction changes a live article without saving it: `article.updated`, queued in the
 * correction's transaction. (Publishing pending changes saves the live article, and the articles
 * hook already sends `article.updated` for it.)
 */
const updatedByCorrection: LiveArticleListener = async (req, article, change) => {
  if (change.reason === 'correction') await queueArticleEvent(req, 'article.updated', article.id)
}
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
  const withArticles = extendCollection(
    addLiveArticleListener(config, updatedByCorrection),
    ARTICLES_SLUG,
    (articles) => ({
      ...articles,
      hooks: {
        ...articles.hooks,
        afterChange: [...(articles.hooks?.afterChange ?? []), queueArticleWebhooks],
        beforeDelete: [...(articles.hooks?.beforeDelete ?? []), queueDeletedWebhooks],
      },
    }),
  )
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
