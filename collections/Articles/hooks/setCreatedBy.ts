import type { CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '@/access/roles'

/**
 * `createdBy` is the account that created the article (or duplicated it) and never changes: a
 * person cannot set or hand it over through any API (the field's access is closed too). Trusted
 * server code without a user (the importer, scripts, test fixtures) may set it.
 */
export const setCreatedBy: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const user = staffUser(req)
  if (operation === 'create') {
    return { ...data, createdBy: user?.id ?? data.createdBy ?? null }
  }
  if (user) return { ...data, createdBy: originalDoc?.createdBy ?? null }
  return { ...data, createdBy: originalDoc?.createdBy ?? data.createdBy }
}
