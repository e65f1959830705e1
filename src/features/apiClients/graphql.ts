import { GraphQLError } from 'graphql'
import type { ValidationRule } from 'graphql'
import type { PayloadRequest } from 'payload'

import { apiClientOf } from '@/access/roles'

/**
 * API clients are read-only in GraphQL as in REST: a document with a mutation is refused before it
 * runs (this also covers Payload's own preference mutations, open to any signed-in user).
 */
export const readOnlyForApiClients =
  (req: PayloadRequest | undefined): ValidationRule =>
  (context) => ({
    OperationDefinition(node) {
      if (node.operation === 'mutation' && req && apiClientOf(req)) {
        context.reportError(
          new GraphQLError('API clients are read-only: mutations are refused (403).', {
            nodes: [node],
            extensions: { code: 'FORBIDDEN', statusCode: 403 },
          }),
        )
      }
    },
  })
