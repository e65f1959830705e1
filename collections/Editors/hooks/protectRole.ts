import { APIError, Forbidden } from 'payload'
import type { CollectionBeforeValidateHook } from 'payload'

import { EDITORS_SLUG } from '../../slugs'
import { roleOf } from '../../../src/access/roles'

export const ROLE_RULE = 'editors.role.admin-only'
export const LAST_ADMIN_RULE = 'editors.role.keep-one-admin'

/**
 * Roles are managed by admins only, including their own (rule editors.role.admin-only). The first
 * account created on an empty database becomes an admin. The last admin cannot be demoted.
 * Requests without a user are trusted server code (CLI, seed) and keep the role they pass.
 */
export const protectRole: CollectionBeforeValidateHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!data) return data
  if (operation === 'create') {
    const { totalDocs } = await req.payload.count({ collection: EDITORS_SLUG, req })
    if (totalDocs === 0) return { ...data, role: 'admin' }
  }
  const actorRole = roleOf(req)
  const requested = data.role as string | undefined
  const current = (originalDoc as { role?: string } | undefined)?.role
  const changes =
    requested !== undefined && (operation === 'create' ? requested !== 'contributor' : requested !== current)
  if (changes && req.user && actorRole !== 'admin') {
    throw new Forbidden(req.t)
  }
  if (operation === 'update' && current === 'admin' && requested !== undefined && requested !== 'admin') {
    const { totalDocs } = await req.payload.count({
      collection: EDITORS_SLUG,
      where: { role: { equals: 'admin' } },
      req,
    })
    if (totalDocs <= 1) {
      throw new APIError(
        `Rule ${LAST_ADMIN_RULE}: this is the last admin; make another account admin first.`,
        409,
        undefined,
        true,
      )
    }
  }
  return data
}
