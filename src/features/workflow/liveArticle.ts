import type { Config, PayloadRequest } from 'payload'

import type { Article } from '@/payload-types'

/** Why a live article changed without a workflow transition. */
export type LiveArticleChange = { reason: 'correction' | 'publish_changes' }

export type LiveArticleListener = (
  req: PayloadRequest,
  article: Article,
  change: LiveArticleChange,
) => Promise<void> | void

const KEY = 'redaksiLiveArticleListeners'

type WithListeners = { [KEY]?: LiveArticleListener[] }

/**
 * For feature plugins (e.g. webhooks' `article.updated`): registers a listener called whenever a
 * live article's public content changes without leaving `published` (a correction was added,
 * pending changes were published). Listeners live in `config.custom`, so every bundle sharing the
 * Payload instance sees them.
 */
export const addLiveArticleListener = (config: Config, listener: LiveArticleListener): Config => ({
  ...config,
  custom: {
    ...config.custom,
    [KEY]: [...(((config.custom ?? {}) as WithListeners)[KEY] ?? []), listener],
  },
})

/**
 * The one hook point: called inside the change's transaction with its `req` (a listener that
 * queues a job with that req gets it committed with the change, or not at all). A listener's
 * error rolls the change back, so listeners should only queue work.
 */
export const onLiveArticleChanged = async (
  req: PayloadRequest,
  article: Article,
  change: LiveArticleChange,
): Promise<void> => {
  const listeners = ((req.payload.config.custom ?? {}) as WithListeners)[KEY] ?? []
  for (const listener of listeners) await listener(req, article, change)
}
