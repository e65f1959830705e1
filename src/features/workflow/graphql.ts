import type { GraphQLExtension, PayloadRequest } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { assertNotLockedByOther } from '@/features/workflow/locks'
import { applyTransition } from '@/features/workflow/service'

/**
 * GraphQL door to the workflow:
 *   mutation { articleWorkflow(id: "1", action: "publish", note: "...", publishAt: "...") { id workflowStatus } }
 * Same rule book and errors as POST /api/articles/:id/workflow (the error's extensions carry the
 * HTTP-style statusCode).
 */
export const workflowMutations: GraphQLExtension = (GraphQL, { collections, config }) => {
  const articleType = collections[ARTICLES_SLUG]?.graphQL?.type
  if (!articleType) return {}
  return {
    articleWorkflow: {
      type: articleType,
      args: {
        id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        action: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        note: { type: GraphQL.GraphQLString },
        publishAt: { type: GraphQL.GraphQLString },
      },
      resolve: async (
        _source: unknown,
        args: { id: string; action: string; note?: string | null; publishAt?: string | null },
        context: { req: PayloadRequest },
      ) => {
        const numeric = config.db.defaultIDType === 'number' && /^\d+$/.test(args.id)
        const articleId = numeric ? Number(args.id) : args.id
        await assertNotLockedByOther(context.req, articleId)
        return applyTransition(context.req, {
          articleId,
          action: args.action,
          note: args.note ?? undefined,
          publishAt: args.publishAt ?? undefined,
        })
      },
    },
  }
}
