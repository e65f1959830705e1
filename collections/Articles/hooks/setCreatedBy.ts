import type { CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '../../../src/access/roles'

export const setCreatedBy: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation === 'create') {
    const user = staffUser(req)
    return { ...data, createdBy: user?.id ?? data.createdBy ?? null }
  }
  // createdBy never changes after creation
  return { ...data, createdBy: originalDoc?.createdBy ?? data.createdBy }
}
