import { APIError } from 'payload'
import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

import { EDITORS_SLUG } from '@collections/slugs'
import { roleOf } from '@/access/roles'

export const ROLE_RULE = 'editors.role.admin-only'
export { LAST_ADMIN_RULE } from './keepOneAdmin'

const refuse = (status: number, rule: string, message: string) =>
  new APIError(`Rule ${rule}: ${message}`, status, { rule }, true)

/**
 * Roles are managed by admins only, including their own (rule editors.role.admin-only): a
 * non-admin who sends a role different from the current one is refused with 403, whatever the
 * door (REST, GraphQL, admin, Local API with a user). Runs before field access strips the field,
 * so the refusal is loud. The last admin is kept by keepOneAdmin.
 */
export const protectRole: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const requested = (args.data as { role?: unknown } | undefined)?.role
  if (requested === undefined) return args
  const actorRole = roleOf(req)
  const id = (args as { id?: string | number }).id

  let current: string | undefined
  if (operation === 'update' && id !== undefined) {
    const doc = (await req.payload.findByID({
      collection: EDITORS_SLUG,
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as { role?: string } | null
    current = doc?.role ?? undefined
  }
  const changes = operation === 'create' ? requested !== 'contributor' : requested !== current
  if (changes && req.user && actorRole !== 'admin') {
    throw refuse(403, ROLE_RULE, 'only admins can set or change roles, including their own.')
  }
  return args
}

/** The first account created on an empty database becomes an admin. */
export const firstUserIsAdmin: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const { totalDocs } = await req.payload.count({ collection: EDITORS_SLUG, req })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}
