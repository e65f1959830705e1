import type { PayloadRequest, Where } from 'payload'

import { roleOf, staffUser } from './roles'

/**
 * The staff preview route (GET /api/articles/:id/preview): editors and admins any article,
 * contributors only articles they created; nobody else (API clients included) at all.
 */
export const canOpenStaffPreview = ({ req }: { req: PayloadRequest }): boolean | Where => {
  const role = roleOf(req)
  if (role === 'admin' || role === 'editor') return true
  if (role === 'contributor') return { createdBy: { equals: staffUser(req)?.id } }
  return false
}
