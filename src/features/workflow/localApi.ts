import { createLocalReq } from 'payload'
import type { Payload, PayloadRequest, TypedUser } from 'payload'

import type { Article } from '@/payload-types'
import { applyTransition } from './service'
import type { TransitionRequest } from './service'

/**
 * Local API door to the workflow: the same rule book, transaction and audit as the REST endpoint
 * and the GraphQL mutation, for server code and tests. Acts as `user` (or as the scheduler with
 * `system: true`); pass `req` to run inside an existing request/transaction.
 */
export const transitionArticle = async (
  payload: Payload,
  request: TransitionRequest & { user?: TypedUser | null; req?: Partial<PayloadRequest> },
): Promise<Article> => {
  const { user, req: given, ...transition } = request
  const req = await createLocalReq({ req: given, user: user ?? undefined }, payload)
  return applyTransition(req, transition)
}
