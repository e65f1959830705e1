import { APIError } from 'payload'
import type { CollectionBeforeOperationHook, Where } from 'payload'

import { EDITORS_SLUG } from '@collections/slugs'

export const LAST_ADMIN_RULE = 'editors.role.keep-one-admin'

/**
 * At least one admin always remains (rule editors.role.keep-one-admin, 409): checked before
 * single and bulk (`where`) updates that set a non-admin role, and before single and bulk
 * deletes, whatever the door (REST, GraphQL, admin, Local API). Counts run in the request's
 * transaction.
 */
export const keepOneAdmin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'delete') return args
  if (operation === 'update') {
    const role = (args.data as { role?: unknown } | undefined)?.role
    if (role === undefined || role === 'admin') return args
  }
  const { id, where } = args as { id?: string | number; where?: Where }
  const target: Where | undefined = id !== undefined ? { id: { equals: id } } : where
  if (!target) return args

  const isAdmin: Where = { role: { equals: 'admin' } }
  const [all, affected] = await Promise.all([
    req.payload.count({ collection: EDITORS_SLUG, where: isAdmin, req }),
    req.payload.count({ collection: EDITORS_SLUG, where: { and: [isAdmin, target] }, req }),
  ])
  if (affected.totalDocs > 0 && all.totalDocs - affected.totalDocs < 1) {
    const what = operation === 'delete' ? 'deleting' : 'demoting'
    throw new APIError(
      `Rule ${LAST_ADMIN_RULE}: ${what} this would leave no admin; make another account admin first.`,
      409,
      { rule: LAST_ADMIN_RULE },
      true,
    )
  }
  return args
}
