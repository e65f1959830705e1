import type { Config, GraphQLExtension, Plugin } from 'payload'

import { ARTICLES_SLUG, AUTHORS_SLUG } from '@collections/slugs'
import { runtime } from '@/config/runtime'
import { extendCollection } from '@/features/shared/extend'
import { engineFor } from './engine'
import { searchQueries } from './graphql'
import { searchEndpoint } from './endpoint'
import { indexArticle, reindexAuthorArticles, unindexArticle } from './hooks/indexArticle'
import { reindexArticles } from './service'

const withQueries =
  (existing: GraphQLExtension | undefined, added: GraphQLExtension): GraphQLExtension =>
  (GraphQL, context) => ({ ...(existing?.(GraphQL, context) ?? {}), ...added(GraphQL, context) })

/**
 * Full-text search over published articles as one Payload plugin: the database's own engine
 * behind one interface (engine.ts; adapters/ for SQLite FTS5, Postgres tsvector, MongoDB text),
 * kept in step by article hooks in the saving transaction, GET /api/search, the GraphQL
 * `searchArticles` query and `npm run search:reindex` (src/cli/searchReindex.ts). An empty index
 * next to live articles (a database from before this feature) is filled at start-up.
 */
export const searchPlugin: Plugin = (config: Config): Config => {
  const withArticles = extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    hooks: {
      ...articles.hooks,
      afterChange: [...(articles.hooks?.afterChange ?? []), indexArticle],
      afterDelete: [...(articles.hooks?.afterDelete ?? []), unindexArticle],
    },
  }))
  const withAuthors = extendCollection(withArticles, AUTHORS_SLUG, (authors) => ({
    ...authors,
    hooks: {
      ...authors.hooks,
      afterChange: [...(authors.hooks?.afterChange ?? []), reindexAuthorArticles],
    },
  }))
  return {
    ...withAuthors,
    endpoints: [...(withAuthors.endpoints ?? []), searchEndpoint],
    graphQL: {
      ...withAuthors.graphQL,
      queries: withQueries(withAuthors.graphQL?.queries, searchQueries),
    },
    onInit: async (payload) => {
      await withAuthors.onInit?.(payload)
      if (runtime.get().readOnly) return
      try {
        const engine = await engineFor(payload)
        await engine.ensure(payload)
        const req = { payload, context: {} } as Parameters<typeof engine.count>[0]
        if ((await engine.count(req)) > 0) return
        const live = await payload.count({
          collection: ARTICLES_SLUG,
          where: { _status: { equals: 'published' } },
          overrideAccess: true,
        })
        if (live.totalDocs === 0) return
        const { indexed } = await reindexArticles(payload)
        payload.logger.info(`search: indexed ${indexed} published articles (empty index)`)
      } catch (err) {
        payload.logger.warn(
          `search: index not checked at start-up: ${err instanceof Error ? err.message : String(err)}`,
        )
      }
    },
  }
}
