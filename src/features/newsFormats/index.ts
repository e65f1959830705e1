import type { Config, Plugin } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import { extendCollection } from '@/features/shared/extend'
import { ninjsByIdEndpoint, ninjsBySlugEndpoint, rootEndpoints, SITE_ROUTES } from './endpoints'

/**
 * News formats as one Payload plugin: RSS 2.0 and Atom 1.0 feeds, the sitemap (an index of pages
 * beyond SITEMAP_PAGE_SIZE), the Google News sitemap (root endpoints, also served at the top
 * level through `custom.siteRoutes`), and IPTC ninjs 3.1 per article (collection endpoints
 * /api/articles/:id/ninjs and /api/articles/slug/:slug/ninjs). Feeds and sitemaps list
 * published articles only; ninjs follows the article's own read access.
 */
export const newsFormatsPlugin: Plugin = (config: Config): Config => {
  // a bad PUBLICATION_NAME or SITEMAP_PAGE_SIZE stops the server at start-up
  env.newsFormats()
  const withArticles = extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    endpoints: [...(articles.endpoints || []), ninjsByIdEndpoint, ninjsBySlugEndpoint],
  }))
  const siteRoutes = (withArticles.custom?.siteRoutes as string[] | undefined) ?? []
  return {
    ...withArticles,
    endpoints: [...(withArticles.endpoints ?? []), ...rootEndpoints],
    custom: { ...withArticles.custom, siteRoutes: [...siteRoutes, ...SITE_ROUTES] },
  }
}
