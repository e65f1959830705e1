import type { GraphQLExtension, PayloadRequest } from 'payload'

import { searchArticles } from './service'

/**
 * GraphQL door to the search:
 *   query { searchArticles(q: "ukraina", page: 1, limit: 10, language: "id") {
 *     totalDocs page totalPages docs { id slug url title titleHighlighted snippet score } } }
 * Same rules and errors as GET /api/search.
 */
export const searchQueries: GraphQLExtension = (GraphQL) => {
  const {
    GraphQLFloat,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLString,
    GraphQLBoolean,
  } = GraphQL
  const hit = new GraphQLObjectType({
    name: 'SearchArticleHit',
    fields: {
      id: {
        type: new GraphQLNonNull(GraphQLString),
        resolve: (h: { id: unknown }) => String(h.id),
      },
      slug: { type: GraphQLString },
      url: { type: GraphQLString },
      title: { type: new GraphQLNonNull(GraphQLString) },
      summary: { type: GraphQLString },
      language: { type: GraphQLString },
      publishedAt: { type: GraphQLString },
      score: { type: new GraphQLNonNull(GraphQLFloat) },
      titleHighlighted: { type: new GraphQLNonNull(GraphQLString) },
      snippet: { type: new GraphQLNonNull(GraphQLString) },
    },
  })
  const results = new GraphQLObjectType({
    name: 'SearchArticlesResult',
    fields: {
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(hit))) },
      totalDocs: { type: new GraphQLNonNull(GraphQLInt) },
      page: { type: new GraphQLNonNull(GraphQLInt) },
      limit: { type: new GraphQLNonNull(GraphQLInt) },
      totalPages: { type: new GraphQLNonNull(GraphQLInt) },
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasPrevPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    },
  })
  return {
    searchArticles: {
      type: new GraphQLNonNull(results),
      args: {
        q: { type: new GraphQLNonNull(GraphQLString) },
        page: { type: GraphQLInt },
        limit: { type: GraphQLInt },
        language: { type: GraphQLString },
      },
      resolve: (
        _source: unknown,
        args: { q: string; page?: number | null; limit?: number | null; language?: string | null },
        context: { req: PayloadRequest },
      ) =>
        searchArticles(context.req, {
          q: args.q,
          page: args.page ?? undefined,
          limit: args.limit ?? undefined,
          language: args.language ?? undefined,
        }),
    },
  }
}
