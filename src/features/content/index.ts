import type { Config, Plugin } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { runtime } from '@/config/runtime'
import { env } from '@/config/env'
import { extendCollection, insertFieldsAfter } from '@/features/shared/extend'
import { backfillRenderedFields } from './backfill'
import { renderedFields } from './fields'
import { renderBody } from './hooks/renderBody'

/**
 * Published content, ready to render: every saved article version stores its body as sanitised
 * HTML (inline photos as <figure> with caption and credit), plain text, word count, reading time
 * and the public URL (PUBLIC_SITE_URL). Computed by the server on save (hooks/renderBody.ts),
 * read-only for everyone; rows saved before the feature are filled at start-up (backfill.ts).
 * The renderer (render.ts) is pure and shared with the other delivery features.
 */
export const contentPlugin: Plugin = (config: Config): Config => {
  // A bad PUBLIC_SITE_URL stops the server at start-up with one line naming it.
  env.siteUrlPattern()
  const withArticles = extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    hooks: {
      ...articles.hooks,
      // last: renders whatever body the other hooks let through
      beforeChange: [...(articles.hooks?.beforeChange ?? []), renderBody],
    },
    fields: insertFieldsAfter(articles.fields, 'body', renderedFields),
  }))
  return {
    ...withArticles,
    onInit: async (payload) => {
      await withArticles.onInit?.(payload)
      if (runtime.get().readOnly) return
      try {
        const filled = await backfillRenderedFields(payload)
        if (filled.articles + filled.versions > 0) {
          payload.logger.info(
            `content: rendered ${filled.articles} articles and ${filled.versions} versions saved before bodyHtml existed`,
          )
        }
      } catch (err) {
        payload.logger.warn(
          `content: could not fill rendered fields of older articles: ${err instanceof Error ? err.message : String(err)}`,
        )
      }
    },
  }
}
